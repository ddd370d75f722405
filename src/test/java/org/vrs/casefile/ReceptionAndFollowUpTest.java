package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** Essential needs on reception, related persons, case notes and reintegration follow-up. */
class ReceptionAndFollowUpTest {
    private static final LocalDate VISITED_ON = LocalDate.of(2026, 1, 12);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    @Test
    void theCommuneMeetsEssentialNeedsOnReception() {
        fixture.given(receivedByTheCommune())
                .when(new RecordEssentialNeedsMet(FILE, null, setOf(EssentialNeed.FOOD, EssentialNeed.CLOTHING), BAT_XAT_COMMUNE, RECEIVED_ON))
                .expectEvents(new EssentialNeedsMet(FILE, setOf(EssentialNeed.CLOTHING, EssentialNeed.FOOD), BAT_XAT_COMMUNE, RECEIVED_ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void essentialNeedsAreMetByAnAgencyOfTheRegistry() {
        fixture.given(receivedByTheCommune())
                .when(new RecordEssentialNeedsMet(FILE, null, setOf(EssentialNeed.FOOD), NOT_IN_REGISTRY, RECEIVED_ON))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-NO-SUCH-OFFICE is not in the agency registry or not active on 2025-08-04");
    }

    @Test
    void essentialNeedsAreNotMetBeforeThePersonWasReceived() {
        fixture.given(receivedByTheCommune())
                .when(new RecordEssentialNeedsMet(FILE, null, setOf(EssentialNeed.FOOD), BAT_XAT_COMMUNE, RECEIVED_ON.minusDays(1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("needs provided on (2025-08-03) must not be before received on (2025-08-04)");
    }

    @Test
    void anAccompanyingChildIsRecorded() {
        fixture.given(receivedByTheCommune())
                .when(new AddRelatedPerson(FILE, null, CHILD, Relation.ACCOMPANYING_CHILD, "Lo Van Binh", null, null))
                .expectEvents(relatedPersonAdded(CHILD, Relation.ACCOMPANYING_CHILD))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRelatedPersonIsRecordedOnce() {
        fixture.given(receivedByTheCommune(), relatedPersonAdded(CHILD, Relation.ACCOMPANYING_CHILD))
                .when(new AddRelatedPerson(FILE, null, CHILD, Relation.RELATIVE, "Lo Van Binh", null, null))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("related person " + CHILD + " already exists on this file");
    }

    @Test
    void aCaseNoteKeepsTheCategoryOfWhatItSays() {
        fixture.given(receivedByTheCommune())
                .when(new AddCaseNote(FILE, null, NOTE, DataCategory.HEALTH, "needs a check-up"))
                .expectEvents(new CaseNoteAdded(FILE, NOTE, DataCategory.HEALTH, "needs a check-up"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aCaseNoteIsAddedOnce() {
        fixture.given(receivedByTheCommune(), new CaseNoteAdded(FILE, NOTE, DataCategory.SUPPORT, "called"))
                .when(new AddCaseNote(FILE, null, NOTE, DataCategory.SUPPORT, "called again"))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("case note " + NOTE + " already exists on this file");
    }

    @Test
    void theNextFollowUpIsDueAfterTheRuleBooks90DaysByDefault() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new RecordFollowUpVisit(FILE, null, VISITED_ON, RiskLevel.MEDIUM, null, "debt to a relative"))
                .expectEvents(new FollowUpVisitRecorded(FILE, VISITED_ON, RiskLevel.MEDIUM, LocalDate.of(2026, 4, 12), "debt to a relative"))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aHighRiskVisitSetsAnEarlierFollowUp() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new RecordFollowUpVisit(FILE, null, VISITED_ON, RiskLevel.HIGH, VISITED_ON.plusDays(14), null))
                .expectEvents(new FollowUpVisitRecorded(FILE, VISITED_ON, RiskLevel.HIGH, VISITED_ON.plusDays(14), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theNextFollowUpIsNotDueBeforeTheVisit() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new RecordFollowUpVisit(FILE, null, VISITED_ON, RiskLevel.LOW, VISITED_ON.minusDays(1), null))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("next follow-up (2026-01-11) must not be before visit date (2026-01-12)");
    }
}
