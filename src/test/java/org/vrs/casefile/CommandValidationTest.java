package org.vrs.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrs.casefile.FileStory.*;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/**
 * Bean Validation on dispatch refuses malformed commands before the file sees them, naming the
 * offending field. The command bus runs dispatch interceptors before it hands over a callback, so
 * the refusal is thrown from {@code when} rather than recorded for {@code expectException}.
 */
class CommandValidationTest {
    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();
    private final List<Object> reachedTheFile = new ArrayList<>();

    @BeforeEach
    void validateOnDispatch() {
        fixture.registerCommandDispatchInterceptor(new BeanValidationInterceptor<>());
        fixture.registerCommandHandlerInterceptor((unitOfWork, chain) -> {
            reachedTheFile.add(unitOfWork.getMessage().getPayload());
            return chain.proceed();
        });
    }

    /** Refused on dispatch for exactly one violated constraint, on the field at this property path. */
    private void assertRefusedOnDispatch(TestExecutor<VictimFile> file, Object command, String propertyPath) {
        assertThatThrownBy(() -> file.when(command))
                .isInstanceOfSatisfying(JSR303ViolationException.class, e -> assertThat(e.getViolations())
                        .singleElement()
                        .satisfies(v -> assertThat(v.getPropertyPath()).hasToString(propertyPath)))
                .hasMessageContaining("property " + propertyPath + " in class " + command.getClass().getName());
        assertThat(reachedTheFile).as("commands that reached the file").isEmpty();
    }

    private static Identity identityNamed(String fullName) {
        return new Identity(fullName, List.of(), null, Sex.FEMALE, null, null, null, IdDocumentType.NONE, null, null, null);
    }

    @Test
    void aWellFormedCommandPassesValidationAndIsDecidedByTheFile() {
        RecordIdentity command = new RecordIdentity(FILE, null, identityNamed("Lo Thi Mai"));
        fixture.given(receivedByTheCommune())
                .when(command)
                .expectEvents(new IdentityRecorded(FILE, identityNamed("Lo Thi Mai")))
                .expectResultMessagePayload(1L);
        assertThat(reachedTheFile).containsExactly(command);
    }

    @Test
    void anIdentityWithABlankFullNameIsRefused() {
        assertRefusedOnDispatch(fixture.given(receivedByTheCommune()), new RecordIdentity(FILE, null, identityNamed("   ")),
                "identity.fullName");
    }

    @Test
    void aCaseNoteLongerThan4000CharactersIsRefused() {
        assertRefusedOnDispatch(fixture.given(receivedByTheCommune()),
                new AddCaseNote(FILE, null, NOTE, DataCategory.SUPPORT, "x".repeat(4001)), "text");
    }

    @Test
    void aCaseNoteOfExactly4000CharactersIsAccepted() {
        fixture.given(receivedByTheCommune())
                .when(new AddCaseNote(FILE, null, NOTE, DataCategory.SUPPORT, "x".repeat(4000)))
                .expectEvents(new CaseNoteAdded(FILE, NOTE, DataCategory.SUPPORT, "x".repeat(4000)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aFileIsNotOpenedWithoutTheDateOfReception() {
        assertRefusedOnDispatch(fixture.givenNoPriorActivity(), new OpenFile(FILE, ReceptionChannel.RESCUE, BAT_XAT_COMMUNE, null),
                "receivedOn");
    }

    @Test
    void aConsentWithoutARecipientIsRefused() {
        assertRefusedOnDispatch(fixture.given(receivedByTheCommune()), new GiveConsent(FILE, null, CONSENT, setOf(DataCategory.IDENTITY),
                null, "care", ConsentGiver.PERSON, null, RECEIVED_ON, null), "recipientAgency");
    }

    @Test
    void aConfirmingDocumentWithoutItsNumberIsRefused() {
        ConfirmingDocument unnumbered = new ConfirmingDocument(ConfirmingDocumentType.POLICE_CERTIFICATE, "Lao Cai provincial police", "",
                CONFIRMED_ON);
        assertRefusedOnDispatch(fixture.given(receivedByTheCommune()),
                new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, unnumbered, null, CONFIRMED_ON), "document.number");
    }
}
