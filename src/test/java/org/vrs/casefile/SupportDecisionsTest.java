package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;
import static org.vrs.casefile.api.SupportRegime.*;
import static org.vrs.casefile.api.VictimStatus.NOT_CONFIRMED;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** Deciding on support and delivering it: never more than granted, never before the decision. */
class SupportDecisionsTest {
    private static final LocalDate REQUESTED_ON = LocalDate.of(2025, 9, 1);
    private static final LocalDate DECIDED_ON = LocalDate.of(2025, 9, 3);
    private static final long ALLOWANCE = 1_000_000;

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static Object[] aConfirmedVictimWhoAppliedForTheHardshipAllowance() {
        return new Object[] {receivedByTheCommune(), confirmedAsVictim(), supportRequested(HARDSHIP_ALLOWANCE_AND_LOAN, REQUESTED_ON)};
    }

    private static Object[] aConfirmedVictimGrantedTheHardshipAllowance() {
        return new Object[] {receivedByTheCommune(), confirmedAsVictim(), supportRequested(HARDSHIP_ALLOWANCE_AND_LOAN, REQUESTED_ON),
                supportGranted(ALLOWANCE, DECIDED_ON)};
    }

    // ---- granting ----

    @Test
    void theCaseworkerGrantsTheRequestedAllowance() {
        fixture.given(aConfirmedVictimWhoAppliedForTheHardshipAllowance())
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, ALLOWANCE, LAO_CAI_HEALTH, DECIDED_ON))
                .expectEvents(supportGranted(ALLOWANCE, DECIDED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void supportNeverAppliedForCannotBeGranted() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, ALLOWANCE, LAO_CAI_HEALTH, DECIDED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no support " + SUPPORT_CASE + " on this file");
    }

    @Test
    void supportIsGrantedOnlyOnce() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, ALLOWANCE, LAO_CAI_HEALTH, DECIDED_ON))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("support " + SUPPORT_CASE + " is GRANTED; this needs a support REQUESTED");
    }

    @Test
    void refusedSupportCannotBeGrantedAfterwards() {
        fixture.given(aConfirmedVictimWhoAppliedForTheHardshipAllowance()).andGiven(supportRefusedBy(RefusingParty.AGENCY, DECIDED_ON))
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, ALLOWANCE, LAO_CAI_HEALTH, DECIDED_ON.plusDays(1)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("support " + SUPPORT_CASE + " is REFUSED; this needs a support REQUESTED");
    }

    @Test
    void aPersonFoundNotToBeAVictimBeforeTheDecisionIsNotGrantedWhatSheAppliedFor() {
        fixture.given(receivedByTheCommune(), supportRequested(ESSENTIAL_NEEDS, RECEIVED_ON), notConfirmedAsVictim())
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, 400_000, LAO_CAI_HEALTH, CONFIRMED_ON.plusDays(1)))
                .expectException(refusal(FileRefusal.SupportNotEntitled.class, "ESSENTIAL_NEEDS for NOT_CONFIRMED",
                        r -> r.regime() == ESSENTIAL_NEEDS && r.status() == NOT_CONFIRMED))
                .expectExceptionMessage(mentioning("ESSENTIAL_NEEDS (Art. 37(a))", "status NOT_CONFIRMED",
                        "a person not confirmed has no entitlement"));
    }

    @Test
    void theLabourDepartmentDissolvedByThe2025ReformNoLongerProvidesSupport() {
        fixture.given(aConfirmedVictimWhoAppliedForTheHardshipAllowance())
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, ALLOWANCE, LAO_CAI_DOLISA, DECIDED_ON))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-DOLISA is not in the agency registry or not active on 2025-09-03");
    }

    @Test
    void supportIsNotDecidedBeforeItWasAppliedFor() {
        fixture.given(aConfirmedVictimWhoAppliedForTheHardshipAllowance())
                .when(new GrantSupport(FILE, null, SUPPORT_CASE, ALLOWANCE, LAO_CAI_HEALTH, REQUESTED_ON.minusDays(1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("decision date (2025-08-31) must not be before request date (2025-09-01)");
    }

    // ---- refusing ----

    @Test
    void theAgencyRefusesAPendingApplication() {
        fixture.given(aConfirmedVictimWhoAppliedForTheHardshipAllowance())
                .when(new RefuseSupport(FILE, null, SUPPORT_CASE, RefusingParty.AGENCY, "the person wants to go home first", DECIDED_ON))
                .expectEvents(supportRefusedBy(RefusingParty.AGENCY, DECIDED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void theVictimDeclinesSupportAlreadyGranted() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new RefuseSupport(FILE, null, SUPPORT_CASE, RefusingParty.VICTIM, "the person wants to go home first", DECIDED_ON))
                .expectEvents(supportRefusedBy(RefusingParty.VICTIM, DECIDED_ON))
                .expectResultMessagePayload(4L);
    }

    @Test
    void theAgencyCannotTakeBackAGrant() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new RefuseSupport(FILE, null, SUPPORT_CASE, RefusingParty.AGENCY, "budget cut", DECIDED_ON.plusDays(5)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("support " + SUPPORT_CASE + " is GRANTED; this needs a pending request (or, for the victim, "
                        + "a grant they decline)");
    }

    @Test
    void refusedSupportIsNotRefusedAgain() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance()).andGiven(supportRefusedBy(RefusingParty.VICTIM, DECIDED_ON))
                .when(new RefuseSupport(FILE, null, SUPPORT_CASE, RefusingParty.VICTIM, "still no", DECIDED_ON.plusDays(1)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage(mentioning("support " + SUPPORT_CASE + " is REFUSED", "needs a pending request"));
    }

    @Test
    void supportNeverAppliedForCannotBeRefused() {
        fixture.given(receivedByTheCommune())
                .when(new RefuseSupport(FILE, null, SUPPORT_CASE, RefusingParty.AGENCY, "no", DECIDED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no support " + SUPPORT_CASE + " on this file");
    }

    // ---- delivering ----

    @Test
    void theHealthDepartmentPaysPartOfTheGrant() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 600_000, LAO_CAI_HEALTH, DECIDED_ON.plusDays(1)))
                .expectEvents(supportDelivered(600_000, DECIDED_ON.plusDays(1)))
                .expectResultMessagePayload(4L);
    }

    @Test
    void theRestOfTheGrantIsPaidToTheLastDong() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance()).andGiven(supportDelivered(600_000, DECIDED_ON.plusDays(1)))
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 400_000, LAO_CAI_HEALTH, DECIDED_ON.plusDays(20)))
                .expectEvents(supportDelivered(400_000, DECIDED_ON.plusDays(20)))
                .expectResultMessagePayload(5L);
    }

    @Test
    void nothingIsDeliveredBeyondWhatRemainsOfTheGrant() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance()).andGiven(supportDelivered(600_000, DECIDED_ON.plusDays(1)))
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 600_000, LAO_CAI_HEALTH, DECIDED_ON.plusDays(2)))
                .expectException(FileRefusal.AmountExceeds.class)
                .expectExceptionMessage("delivery of 600000 VND exceeds the 400000 VND remaining")
                .expectNoEvents();
    }

    @Test
    void aSingleDeliveryCannotExceedTheGrantedAmount() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, ALLOWANCE + 1, LAO_CAI_HEALTH, DECIDED_ON))
                .expectException(FileRefusal.AmountExceeds.class)
                .expectExceptionMessage("delivery of 1000001 VND exceeds the 1000000 VND remaining");
    }

    @Test
    void supportStillPendingIsNotDelivered() {
        fixture.given(aConfirmedVictimWhoAppliedForTheHardshipAllowance())
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 100_000, LAO_CAI_HEALTH, DECIDED_ON))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("support " + SUPPORT_CASE + " is REQUESTED; this needs a support GRANTED");
    }

    @Test
    void aGrantTheVictimDeclinedIsNotDelivered() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance()).andGiven(supportRefusedBy(RefusingParty.VICTIM, DECIDED_ON))
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 100_000, LAO_CAI_HEALTH, DECIDED_ON.plusDays(1)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("support " + SUPPORT_CASE + " is REFUSED; this needs a support GRANTED");
    }

    @Test
    void supportNeverAppliedForIsNotDelivered() {
        fixture.given(receivedByTheCommune())
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 100_000, LAO_CAI_HEALTH, DECIDED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no support " + SUPPORT_CASE + " on this file");
    }

    @Test
    void aDeliveryNamesAProviderActiveThatDay() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 100_000, LAO_CAI_DOLISA, DECIDED_ON))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-DOLISA is not in the agency registry or not active on 2025-09-03");
    }

    @Test
    void supportIsNotDeliveredBeforeItWasGranted() {
        fixture.given(aConfirmedVictimGrantedTheHardshipAllowance())
                .when(new DeliverSupport(FILE, null, SUPPORT_CASE, 100_000, LAO_CAI_HEALTH, DECIDED_ON.minusDays(1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("delivery date (2025-09-02) must not be before grant date (2025-09-03)");
    }
}
