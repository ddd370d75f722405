package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** Reception, identification, closing, reopening and erasure: the life of a file. */
class VictimFileLifecycleTest {
    private static final LocalDate CLOSED_ON = LocalDate.of(2026, 3, 2);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    // ---- reception ----

    @Test
    void aCommuneReceivingAPersonOpensAFileNumberedByProvinceAndYear() {
        fixture.givenNoPriorActivity()
                .when(new OpenFile(FILE, ReceptionChannel.SELF_REPORT, BAT_XAT_COMMUNE, RECEIVED_ON))
                .expectEvents(new FileOpened(FILE, "LC-2025-3F2A9C1E", ReceptionChannel.SELF_REPORT, BAT_XAT_COMMUNE, "LC", RECEIVED_ON))
                .expectResultMessagePayload(FILE);
    }

    @Test
    void anAgencyMissingFromTheRegistryCannotOpenAFile() {
        fixture.givenNoPriorActivity()
                .when(new OpenFile(FILE, ReceptionChannel.RESCUE, NOT_IN_REGISTRY, RECEIVED_ON), actingFor(NOT_IN_REGISTRY))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-NO-SUCH-OFFICE is not in the agency registry or not active on 2025-08-04");
    }

    @Test
    void theLabourDepartmentDissolvedByThe2025ReformCannotOpenAFileAfterwards() {
        fixture.givenNoPriorActivity()
                .when(new OpenFile(FILE, ReceptionChannel.NGO_REFERRAL, LAO_CAI_DOLISA, RECEIVED_ON), actingFor(LAO_CAI_DOLISA))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage(mentioning("LC-DOLISA", "not active on 2025-08-04"));
    }

    // ---- verification ----

    @Test
    void verificationRequestedWithoutADueDateIsDueAfterTheRuleBooks20Days() {
        fixture.given(receivedByTheCommune())
                .when(new RequestVerification(FILE, null, LAO_CAI_POLICE, LocalDate.of(2025, 8, 5), null))
                .expectEvents(new VerificationRequested(FILE, LAO_CAI_POLICE, LocalDate.of(2025, 8, 5), LocalDate.of(2025, 8, 25)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void verificationRequestedWithADueDateKeepsIt() {
        fixture.given(receivedByTheCommune())
                .when(new RequestVerification(FILE, null, LAO_CAI_POLICE, LocalDate.of(2025, 8, 5), LocalDate.of(2025, 9, 30)))
                .expectEvents(new VerificationRequested(FILE, LAO_CAI_POLICE, LocalDate.of(2025, 8, 5), LocalDate.of(2025, 9, 30)))
                .expectResultMessagePayload(1L);
    }

    @Test
    void verificationCannotBeDueBeforeItIsRequested() {
        fixture.given(receivedByTheCommune())
                .when(new RequestVerification(FILE, null, LAO_CAI_POLICE, LocalDate.of(2025, 8, 5), LocalDate.of(2025, 8, 1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("due date (2025-08-01) must not be before request date (2025-08-05)");
    }

    @Test
    void aConfirmedVictimIsNotSentForVerificationAgain() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new RequestVerification(FILE, null, LAO_CAI_POLICE, LocalDate.of(2025, 9, 1), null))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("the person's status is CONFIRMED_VICTIM; this needs UNDER_IDENTIFICATION for requesting verification");
    }

    @Test
    void verificationCannotBeAskedOfAnAgencyNoLongerActive() {
        fixture.given(receivedByTheCommune())
                .when(new RequestVerification(FILE, null, LAO_CAI_DOLISA, LocalDate.of(2025, 8, 5), null))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage(mentioning("LC-DOLISA", "not active on 2025-08-05"));
    }

    @Test
    void thePoliceConfirmAVictimWithTheirCertificate() {
        fixture.given(receivedByTheCommune(), new VerificationRequested(FILE, LAO_CAI_POLICE, RECEIVED_ON, RECEIVED_ON.plusDays(20)))
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, policeCertificate(CONFIRMED_ON), null, CONFIRMED_ON))
                .expectEvents(confirmedAsVictim())
                .expectResultMessagePayload(2L);
    }

    @Test
    void aPersonIsFoundNotToBeAVictimWithAReason() {
        fixture.given(receivedByTheCommune())
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.NOT_CONFIRMED, null, "no indication of exploitation",
                        CONFIRMED_ON))
                .expectEvents(notConfirmedAsVictim())
                .expectResultMessagePayload(1L);
    }

    @Test
    void aVictimIsNotConfirmedWithoutAConfirmingDocument() {
        fixture.given(receivedByTheCommune())
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, null, null, CONFIRMED_ON))
                .expectException(FileRefusal.Missing.class)
                .expectExceptionMessage("document is required to confirm a victim (Law 53/2024 Art. 33)");
    }

    @Test
    void aPersonIsNotTurnedAwayWithoutAReason() {
        fixture.given(receivedByTheCommune())
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.NOT_CONFIRMED, null, "  ", CONFIRMED_ON))
                .expectException(FileRefusal.Missing.class)
                .expectExceptionMessage("reason is required when a person is not confirmed as a victim");
    }

    @Test
    void verificationIsConcludedOnlyOnce() {
        fixture.given(receivedByTheCommune(), notConfirmedAsVictim())
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, policeCertificate(CONFIRMED_ON), null, CONFIRMED_ON))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage(mentioning("status is NOT_CONFIRMED", "needs UNDER_IDENTIFICATION for concluding verification"));
    }

    @Test
    void verificationCannotConcludeBeforeThePersonWasReceived() {
        fixture.given(receivedByTheCommune())
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, policeCertificate(RECEIVED_ON.minusDays(3)), null,
                        RECEIVED_ON.minusDays(3)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("concluded on (2025-08-01) must not be before received on (2025-08-04)");
    }

    // ---- closing, reopening, erasure ----

    @Test
    void aCaseworkerClosesTheFileOfAReintegratedVictim() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new CloseFile(FILE, null, CloseReason.REINTEGRATED, "back with her family", CLOSED_ON))
                .expectEvents(fileClosed())
                .expectResultMessagePayload(2L);
    }

    @Test
    void aFileCannotBeClosedBeforeItWasOpened() {
        fixture.given(receivedByTheCommune())
                .when(new CloseFile(FILE, null, CloseReason.DUPLICATE, null, LocalDate.of(2025, 7, 31)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("closing date (2025-07-31) must not be before received on (2025-08-04)");
    }

    @Test
    void aClosedFileIsReopenedWhenTheVictimComesBack() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim(), fileClosed())
                .when(new ReopenFile(FILE, null, "approached again by the recruiter", LocalDate.of(2026, 5, 4)))
                .expectEvents(new FileReopened(FILE, "approached again by the recruiter", LocalDate.of(2026, 5, 4)))
                .expectResultMessagePayload(3L);
    }

    @Test
    void aReopenedFileTakesRecordsAgain() {
        fixture.given(receivedByTheCommune(), fileClosed(), new FileReopened(FILE, "came back", LocalDate.of(2026, 5, 4)))
                .when(new AddCaseNote(FILE, null, NOTE, DataCategory.SUPPORT, "asked for vocational training"))
                .expectEvents(new CaseNoteAdded(FILE, NOTE, DataCategory.SUPPORT, "asked for vocational training"))
                .expectResultMessagePayload(3L);
    }

    @Test
    void anOpenFileIsNotReopened() {
        fixture.given(receivedByTheCommune())
                .when(new ReopenFile(FILE, null, "by mistake", LocalDate.of(2026, 5, 4)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("file " + FILE + " is open; this needs a closed file");
    }

    @Test
    void anErasureOrderShredsTheKeysOfAnOpenFile() {
        fixture.given(receivedByTheCommune(), identityRecorded())
                .when(new ShredFileKeys(FILE, null, "QD-17/2026", "Lao Cai provincial people's court", LocalDate.of(2026, 6, 1)))
                .expectEvents(keysShredded())
                .expectResultMessagePayload(2L);
    }

    @Test
    void anErasureOrderShredsTheKeysOfAClosedFileWithoutReopeningIt() {
        fixture.given(receivedByTheCommune(), identityRecorded(), fileClosed())
                .when(new ShredFileKeys(FILE, null, "QD-17/2026", "Lao Cai provincial people's court", LocalDate.of(2026, 6, 1)))
                .expectEvents(keysShredded())
                .expectResultMessagePayload(3L);
    }
}
