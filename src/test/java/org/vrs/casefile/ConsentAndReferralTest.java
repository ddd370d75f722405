package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;
import static org.vrs.casefile.api.DataCategory.*;

import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/**
 * A referral shares named categories with one agency: every category must be covered by a consent
 * in force naming that agency, or the referral must state a legal basis (Law 53/2024 Art. 3(10)).
 */
class ConsentAndReferralTest {
    private static final AgencyId PROCURACY = new AgencyId("LC-PROCURACY");
    private static final String LEGAL_BASIS = "Criminal Procedure Code 2015 Art. 88: evidence requested by the procuracy";
    private static final LocalDate MADE_ON = LocalDate.of(2025, 8, 10);
    private static final LocalDate REFERRAL_ENDS = LocalDate.of(2025, 11, 10);
    private static final LocalDate CONSENT_ENDS = LocalDate.of(2025, 12, 31);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static ConsentGiven consentToTheSocialCentre() {
        return consentGiven(SOCIAL_CENTRE, CONSENT_ENDS, IDENTITY, SUPPORT, HEALTH);
    }

    private static MakeReferral refer(AgencyId to, SortedSet<DataCategory> shared, ConsentId consent, String legalBasis, LocalDate on) {
        return new MakeReferral(FILE, null, REFERRAL, to, shared, "shelter and care", consent, legalBasis, on, REFERRAL_ENDS);
    }

    private static ReferralMade referred(AgencyId to, SortedSet<DataCategory> shared, ConsentId consent, String legalBasis) {
        return new ReferralMade(FILE, REFERRAL, to, shared, "shelter and care", consent, legalBasis, MADE_ON, REFERRAL_ENDS);
    }

    @Test
    void aReferralWithinTheConsentNeedsNoLegalBasis() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(refer(SOCIAL_CENTRE, setOf(IDENTITY, SUPPORT), CONSENT, null, MADE_ON))
                .expectEvents(referred(SOCIAL_CENTRE, setOf(IDENTITY, SUPPORT), CONSENT, null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void sharingBeyondTheConsentWithoutALegalBasisIsRefused() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(refer(SOCIAL_CENTRE, setOf(IDENTITY, TRAFFICKING_ACCOUNT), CONSENT, null, MADE_ON))
                .expectException(refusal(FileRefusal.BeyondConsent.class, "uncovered [TRAFFICKING_ACCOUNT]",
                        r -> r.uncovered().equals(Set.of(TRAFFICKING_ACCOUNT))))
                .expectExceptionMessage("the referral shares [TRAFFICKING_ACCOUNT] beyond the victim's consent: a legal basis must be stated")
                .expectNoEvents();
    }

    @Test
    void sharingBeyondTheConsentOnALegalBasisIsAccepted() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(refer(SOCIAL_CENTRE, setOf(IDENTITY, TRAFFICKING_ACCOUNT), CONSENT, LEGAL_BASIS, MADE_ON))
                .expectEvents(referred(SOCIAL_CENTRE, setOf(IDENTITY, TRAFFICKING_ACCOUNT), CONSENT, LEGAL_BASIS))
                .expectResultMessagePayload(2L);
    }

    @Test
    void withoutConsentEverySharedCategoryNeedsALegalBasis() {
        fixture.given(receivedByTheCommune())
                .when(refer(PROCURACY, setOf(LEGAL, TRAFFICKING_ACCOUNT), null, null, MADE_ON))
                .expectException(refusal(FileRefusal.BeyondConsent.class, "uncovered [LEGAL, TRAFFICKING_ACCOUNT]",
                        r -> r.uncovered().equals(Set.of(LEGAL, TRAFFICKING_ACCOUNT))))
                .expectExceptionMessage(mentioning("LEGAL", "TRAFFICKING_ACCOUNT", "beyond the victim's consent: a legal basis must be stated"));
    }

    @Test
    void withoutConsentALegalBasisSuffices() {
        fixture.given(receivedByTheCommune())
                .when(refer(PROCURACY, setOf(LEGAL, TRAFFICKING_ACCOUNT), null, LEGAL_BASIS, MADE_ON))
                .expectEvents(referred(PROCURACY, setOf(LEGAL, TRAFFICKING_ACCOUNT), null, LEGAL_BASIS))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aBlankLegalBasisIsNoLegalBasis() {
        fixture.given(receivedByTheCommune())
                .when(refer(PROCURACY, setOf(LEGAL), null, " ", MADE_ON))
                .expectException(FileRefusal.BeyondConsent.class)
                .expectExceptionMessage("the referral shares [LEGAL] beyond the victim's consent: a legal basis must be stated");
    }

    @Test
    void aWithdrawnConsentCarriesNoReferral() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre(), consentWithdrawn(MADE_ON.minusDays(1)))
                .when(refer(SOCIAL_CENTRE, setOf(IDENTITY), CONSENT, null, MADE_ON))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("consent " + CONSENT + " is withdrawn; this needs a consent in force");
    }

    @Test
    void anExpiredConsentCarriesNoReferral() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(new MakeReferral(FILE, null, REFERRAL, SOCIAL_CENTRE, setOf(IDENTITY), "shelter", CONSENT, null,
                        CONSENT_ENDS.plusDays(1), CONSENT_ENDS.plusMonths(3)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("consent " + CONSENT + " is expired on 2025-12-31; this needs a consent in force");
    }

    @Test
    void aConsentToOneAgencyCarriesNoReferralToAnother() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(refer(PEACE_HOUSE, setOf(IDENTITY), CONSENT, null, MADE_ON))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("consent " + CONSENT + " is given to LC-SOCIAL-CENTRE; this needs a consent naming HN-NGO-SHELTER");
    }

    @Test
    void aReferralCannotRestOnAConsentNotOnTheFile() {
        fixture.given(receivedByTheCommune())
                .when(refer(SOCIAL_CENTRE, setOf(IDENTITY), CONSENT, null, MADE_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no consent " + CONSENT + " on this file");
    }

    @Test
    void oneReferralIsMadeOnce() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre(), referralMade())
                .when(refer(SOCIAL_CENTRE, setOf(IDENTITY), CONSENT, null, MADE_ON))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("referral " + REFERRAL + " already exists on this file");
    }

    @Test
    void aReferralGoesToAnAgencyInTheRegistry() {
        fixture.given(receivedByTheCommune())
                .when(refer(NOT_IN_REGISTRY, setOf(LEGAL), null, LEGAL_BASIS, MADE_ON))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-NO-SUCH-OFFICE is not in the agency registry or not active on 2025-08-10");
    }

    @Test
    void aReferralCannotExpireBeforeItIsMade() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(new MakeReferral(FILE, null, REFERRAL, SOCIAL_CENTRE, setOf(IDENTITY), "shelter", CONSENT, null, MADE_ON,
                        MADE_ON.minusDays(1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("referral expiry (2025-08-09) must not be before referral date (2025-08-10)");
    }

    @Test
    void aReferralOnConsentAloneCannotOutlastTheConsent() {
        fixture.given(receivedByTheCommune(), consentToTheSocialCentre())
                .when(new MakeReferral(FILE, null, REFERRAL, SOCIAL_CENTRE, setOf(IDENTITY, SUPPORT), "shelter and care", CONSENT, null,
                        MADE_ON, LocalDate.of(2026, 6, 30)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage(mentioning("consent " + CONSENT, "2025-12-31"))
                .expectNoEvents();
    }
}
