package org.vrs.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** What an order covers: days of the period in Vietnam's calendar, events with an ordered field, fields by category. */
class ExtractScopeTest {

    private static final FileId FILE = TestBundles.FILE;
    private final FieldSalts salts = FieldSalts.fresh();

    private static DomainEventMessage<?> at(Instant time, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("VictimFile", FILE.value(), sequence, payload, Map.of(), UUID.randomUUID().toString(), time);
    }

    private static ExtractOrder january(DataCategory... categories) {
        return new ExtractOrder("1/2026", TestBundles.COURT, FILE, TestBundles.categories(categories), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 31), "trial", List.of());
    }

    private static CaseNoteAdded note(DataCategory category, String text) {
        return new CaseNoteAdded(FILE, NoteId.random(), category, text);
    }

    private List<ScopedEvent> select(ExtractOrder order, DomainEventMessage<?>... events) {
        return ExtractScope.select(List.of(events).stream(), order, TestBundles.VIETNAM, salts);
    }

    @Test
    void thePeriodIsCountedInVietnamsCalendarDaysBothEndsIncluded() {
        DomainEventMessage<?> lastEveningUtcButFebruaryInHanoi = at(Instant.parse("2026-01-31T17:30:00Z"), 0, note(DataCategory.LEGAL, "a"));
        DomainEventMessage<?> firstMinuteInHanoi = at(Instant.parse("2025-12-31T17:00:00Z"), 1, note(DataCategory.LEGAL, "b"));
        DomainEventMessage<?> lastMinuteInHanoi = at(Instant.parse("2026-01-31T16:59:59Z"), 2, note(DataCategory.LEGAL, "c"));
        DomainEventMessage<?> beforeInHanoi = at(Instant.parse("2025-12-31T16:59:59Z"), 3, note(DataCategory.LEGAL, "d"));

        List<ScopedEvent> scoped = select(january(DataCategory.LEGAL), lastEveningUtcButFebruaryInHanoi, firstMinuteInHanoi,
                lastMinuteInHanoi, beforeInHanoi);

        assertThat(scoped).extracting(e -> e.event().getSequenceNumber()).containsExactly(1L, 2L);
    }

    @Test
    void anEventIsInScopeOnlyWithAFieldOfAnOrderedCategoryAndATaggedNoteTakesItsTag() {
        Instant day = Instant.parse("2026-01-10T03:00:00Z");

        List<ScopedEvent> scoped = select(january(DataCategory.HEALTH), at(day, 0, note(DataCategory.LEGAL, "legal")),
                at(day, 1, note(DataCategory.HEALTH, "health")), at(day, 2, new IdentityRecorded(FILE, null)));

        assertThat(scoped).extracting(e -> e.event().getSequenceNumber()).containsExactly(1L);
    }

    @Test
    void orderedFieldsAreDisclosedAndEveryOtherIsItsSaltedHash() {
        DomainEventMessage<?> event = at(Instant.parse("2026-01-10T03:00:00Z"), 0, note(DataCategory.HEALTH, "Healthmarker"));

        ScopedEvent scoped = select(january(DataCategory.HEALTH), event).get(0);

        ScopedEvent.Field text = scoped.fields().stream().filter(f -> f.name().equals("text")).findFirst().orElseThrow();
        ScopedEvent.Field fileId = scoped.fields().stream().filter(f -> f.name().equals("fileId")).findFirst().orElseThrow();
        assertThat(text.withheld()).isFalse();
        assertThat(text.value().textValue()).isEqualTo("Healthmarker");
        assertThat(fileId.withheld()).isTrue();
        assertThat(fileId.value()).isNull();
        byte[] canonical = ("\"" + FILE.value() + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fileId.saltedHash()).isEqualTo(FieldSalts.saltedHash(salts.salt(event.getIdentifier(), "fileId"), canonical));
    }

    @Test
    void eachFieldOfEachEventHasItsOwnSaltAndAnotherSeedGivesOtherHashes() {
        FieldSalts other = FieldSalts.fromSeed(FieldSalts.fresh().seed());

        assertThat(salts.salt("e1", "fileId")).isNotEqualTo(salts.salt("e2", "fileId")).isNotEqualTo(salts.salt("e1", "noteId"));
        assertThat(salts.salt("e1", "fileId")).isEqualTo(FieldSalts.fromSeed(salts.seed()).salt("e1", "fileId"))
                .isNotEqualTo(other.salt("e1", "fileId")).hasSize(32);
    }
}
