package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;
import static org.vrs.casefile.api.SupportRegime.*;
import static org.vrs.casefile.api.VictimStatus.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/**
 * Applying for support: which regimes each status is entitled to (rules.yml, by the date of the
 * application) and the 12-month application window after confirmation.
 */
class SupportRulesTest {
    private static final String LAW_53_BASIS = "Law 53/2024/QH15 Art. 37: legal aid, education, vocational training and the hardship "
            + "allowance are for confirmed victims; a person not confirmed has no entitlement";
    private static final LocalDate WINDOW_CLOSES = CONFIRMED_ON.plusMonths(12);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static RequestSupport applyFor(SupportRegime regime, LocalDate on, String lateReason) {
        return new RequestSupport(FILE, null, SUPPORT_CASE, regime, 400_000L, on, lateReason);
    }

    private static SupportRequested applied(SupportRegime regime, LocalDate on, String lateReason) {
        return new SupportRequested(FILE, SUPPORT_CASE, regime, 400_000L, on, lateReason);
    }

    // ---- entitlement by status ----

    @Test
    void aPersonStillUnderIdentificationAppliesForEssentialNeeds() {
        fixture.given(receivedByTheCommune())
                .when(applyFor(ESSENTIAL_NEEDS, RECEIVED_ON, null))
                .expectEvents(applied(ESSENTIAL_NEEDS, RECEIVED_ON, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void legalAidIsRefusedToAPersonStillUnderIdentificationWithTheLegalReason() {
        fixture.given(receivedByTheCommune())
                .when(applyFor(LEGAL_AID, RECEIVED_ON.plusDays(1), null))
                .expectException(FileRefusal.SupportNotEntitled.class)
                .expectException(refusal(FileRefusal.SupportNotEntitled.class, "LEGAL_AID for UNDER_IDENTIFICATION",
                        r -> r.regime() == LEGAL_AID && r.status() == UNDER_IDENTIFICATION))
                .expectExceptionMessage("support regime LEGAL_AID (Art. 37(đ)) is not available to a person with status "
                        + "UNDER_IDENTIFICATION: " + LAW_53_BASIS)
                .expectNoEvents();
    }

    @Test
    void theHardshipAllowanceIsRefusedToAPersonStillUnderIdentification() {
        fixture.given(receivedByTheCommune())
                .when(applyFor(HARDSHIP_ALLOWANCE_AND_LOAN, RECEIVED_ON.plusDays(1), null))
                .expectException(FileRefusal.SupportNotEntitled.class)
                .expectExceptionMessage(mentioning("HARDSHIP_ALLOWANCE_AND_LOAN (Art. 37(k))", "status UNDER_IDENTIFICATION", LAW_53_BASIS));
    }

    @Test
    void aConfirmedVictimAppliesForLegalAid() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(applyFor(LEGAL_AID, CONFIRMED_ON.plusDays(3), null))
                .expectEvents(applied(LEGAL_AID, CONFIRMED_ON.plusDays(3), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aPersonNotConfirmedIsEntitledToNothingNotEvenEssentialNeeds() {
        fixture.given(receivedByTheCommune(), notConfirmedAsVictim())
                .when(applyFor(ESSENTIAL_NEEDS, CONFIRMED_ON.plusDays(1), null))
                .expectException(refusal(FileRefusal.SupportNotEntitled.class, "ESSENTIAL_NEEDS for NOT_CONFIRMED",
                        r -> r.regime() == ESSENTIAL_NEEDS && r.status() == NOT_CONFIRMED))
                .expectExceptionMessage(mentioning("ESSENTIAL_NEEDS (Art. 37(a))", "status NOT_CONFIRMED",
                        "a person not confirmed has no entitlement"));
    }

    /** Law 53/2024 (from 2025-07-01) opened legal support to persons under identification; Law 66/2011 did not. */
    @Test
    void legalSupportUnderIdentificationWasRefusedUnderLaw66Of2011() {
        LocalDate receivedIn2024 = LocalDate.of(2024, 5, 6);
        fixture.given(receivedByTheCommuneOn(receivedIn2024))
                .when(applyFor(LEGAL_SUPPORT, receivedIn2024.plusDays(2), null))
                .expectException(refusal(FileRefusal.SupportNotEntitled.class, "LEGAL_SUPPORT for UNDER_IDENTIFICATION",
                        r -> r.regime() == LEGAL_SUPPORT && r.status() == UNDER_IDENTIFICATION))
                .expectExceptionMessage(mentioning("LEGAL_SUPPORT (Art. 37(d))", "status UNDER_IDENTIFICATION",
                        "Law 66/2011/QH12 Art. 32-38: the regimes beyond essential needs, medical, interpretation, travel and "
                                + "psychological support require confirmed victim status"));
    }

    @Test
    void legalSupportUnderIdentificationIsGrantedUnderLaw53Of2024() {
        fixture.given(receivedByTheCommune())
                .when(applyFor(LEGAL_SUPPORT, RECEIVED_ON.plusDays(2), null))
                .expectEvents(applied(LEGAL_SUPPORT, RECEIVED_ON.plusDays(2), null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void oneSupportCaseIsAppliedForOnce() {
        fixture.given(receivedByTheCommune(), supportRequested(ESSENTIAL_NEEDS, RECEIVED_ON))
                .when(applyFor(MEDICAL, RECEIVED_ON.plusDays(1), null))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("support " + SUPPORT_CASE + " already exists on this file");
    }

    // ---- the 12-month window after confirmation ----

    @Test
    void anApplicationOnTheLastDayOfTheWindowNeedsNoReason() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(applyFor(VOCATIONAL_TRAINING_AND_EMPLOYMENT, WINDOW_CLOSES, null))
                .expectEvents(applied(VOCATIONAL_TRAINING_AND_EMPLOYMENT, WINDOW_CLOSES, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void anApplicationMoreThan12MonthsAfterConfirmationWithoutAReasonIsRefused() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(applyFor(VOCATIONAL_TRAINING_AND_EMPLOYMENT, WINDOW_CLOSES.plusDays(1), null))
                .expectException(FileRefusal.LateApplication.class)
                .expectExceptionMessage("support applied for on 2026-08-21, after the application window closed on 2026-08-20: "
                        + "a late-application reason is required")
                .expectNoEvents();
    }

    @Test
    void aBlankLateApplicationReasonIsNoReason() {
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(applyFor(EDUCATION, WINDOW_CLOSES.plusMonths(2), "   "))
                .expectException(FileRefusal.LateApplication.class)
                .expectExceptionMessage(mentioning("applied for on 2026-10-20", "window closed on 2026-08-20"));
    }

    @Test
    void aLateApplicationWithAReasonIsAccepted() {
        String reason = "was in hospital in China until October 2026";
        fixture.given(receivedByTheCommune(), confirmedAsVictim())
                .when(applyFor(VOCATIONAL_TRAINING_AND_EMPLOYMENT, WINDOW_CLOSES.plusMonths(2), reason))
                .expectEvents(applied(VOCATIONAL_TRAINING_AND_EMPLOYMENT, WINDOW_CLOSES.plusMonths(2), reason))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aLateApplicationIsStillRefusedARegimeTheStatusDoesNotCarry() {
        fixture.given(receivedByTheCommune(), notConfirmedAsVictim())
                .when(applyFor(EDUCATION, WINDOW_CLOSES.plusMonths(2), "late"))
                .expectException(FileRefusal.SupportNotEntitled.class)
                .expectExceptionMessage(mentioning("EDUCATION (Art. 37(h))", "status NOT_CONFIRMED"));
    }
}
