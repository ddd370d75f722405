package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** Proceedings the victim takes part in, and compensation: ordered by the court, never paid beyond the order. */
class LegalProceedingsTest {
    private static final LocalDate LINKED_ON = RECEIVED_ON.plusMonths(2);
    private static final LocalDate PAID_ON = LocalDate.of(2026, 3, 15);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static Object[] aConfirmedVictimAwardedCompensation(long orderedVnd) {
        return new Object[] {receivedByTheCommune(), confirmedAsVictim(), proceedingLinked(), compensationOrdered(orderedVnd)};
    }

    @Test
    void theVictimJoinsTheTrialAsCivilPartyAndAsksForAClosedHearing() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new LinkLegalProceeding(FILE, null, PROCEEDING, "Lao Cai provincial people's court", "45/2025/HS-ST",
                        ProceedingRole.CIVIL_PARTY, true, LINKED_ON))
                .expectEvents(proceedingLinked())
                .expectResultMessagePayload(2L);
    }

    @Test
    void aProceedingIsLinkedOnce() {
        fixture.given(receivedByTheCommune(), proceedingLinked())
                .when(new LinkLegalProceeding(FILE, null, PROCEEDING, "Lao Cai provincial people's court", "45/2025/HS-ST",
                        ProceedingRole.WITNESS, false, LINKED_ON))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("legal proceeding " + PROCEEDING + " already exists on this file");
    }

    @Test
    void theCourtOrdersCompensation() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim(), proceedingLinked())
                .when(new RecordCompensationOrdered(FILE, null, PROCEEDING, 50_000_000, RECEIVED_ON.plusMonths(5)))
                .expectEvents(compensationOrdered(50_000_000))
                .expectResultMessagePayload(3L);
    }

    @Test
    void compensationIsOrderedOnlyInALinkedProceeding() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new RecordCompensationOrdered(FILE, null, PROCEEDING, 50_000_000, RECEIVED_ON.plusMonths(5)))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no legal proceeding " + PROCEEDING + " on this file");
    }

    @Test
    void partOfTheCompensationIsPaid() {
        fixture.given(aConfirmedVictimAwardedCompensation(50_000_000))
                .when(new RecordCompensationPaid(FILE, null, PROCEEDING, 30_000_000, PAID_ON))
                .expectEvents(new CompensationPaid(FILE, PROCEEDING, 30_000_000, PAID_ON))
                .expectResultMessagePayload(4L);
    }

    @Test
    void theRestOfTheCompensationIsPaid() {
        fixture.given(aConfirmedVictimAwardedCompensation(50_000_000))
                .andGiven(new CompensationPaid(FILE, PROCEEDING, 30_000_000, PAID_ON))
                .when(new RecordCompensationPaid(FILE, null, PROCEEDING, 20_000_000, PAID_ON.plusMonths(1)))
                .expectEvents(new CompensationPaid(FILE, PROCEEDING, 20_000_000, PAID_ON.plusMonths(1)))
                .expectResultMessagePayload(5L);
    }

    @Test
    void compensationOrderedOnAppealAddsToWhatMayBePaid() {
        fixture.given(aConfirmedVictimAwardedCompensation(50_000_000)).andGiven(compensationOrdered(10_000_000))
                .when(new RecordCompensationPaid(FILE, null, PROCEEDING, 60_000_000, PAID_ON))
                .expectEvents(new CompensationPaid(FILE, PROCEEDING, 60_000_000, PAID_ON))
                .expectResultMessagePayload(5L);
    }

    @Test
    void compensationPaidBeyondWhatWasOrderedIsRefused() {
        fixture.given(aConfirmedVictimAwardedCompensation(50_000_000))
                .andGiven(new CompensationPaid(FILE, PROCEEDING, 30_000_000, PAID_ON))
                .when(new RecordCompensationPaid(FILE, null, PROCEEDING, 30_000_000, PAID_ON.plusMonths(1)))
                .expectException(FileRefusal.AmountExceeds.class)
                .expectExceptionMessage("compensation payment of 30000000 VND exceeds the 20000000 VND remaining")
                .expectNoEvents();
    }

    @Test
    void nothingIsPaidWhereNothingWasOrdered() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim(), proceedingLinked())
                .when(new RecordCompensationPaid(FILE, null, PROCEEDING, 1_000_000, PAID_ON))
                .expectException(FileRefusal.AmountExceeds.class)
                .expectExceptionMessage("compensation payment of 1000000 VND exceeds the 0 VND remaining");
    }

    @Test
    void compensationIsPaidOnlyInALinkedProceeding() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new RecordCompensationPaid(FILE, null, PROCEEDING, 1_000_000, PAID_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no legal proceeding " + PROCEEDING + " on this file");
    }
}
