package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/**
 * Deny by default: only the owner (the receiving agency), the agency asked to verify and the
 * recipient of a referral in force may change a file; erasure is the data protection officer's.
 */
class WriteScopeTest {
    private static final AgencyId HA_NOI_POLICE = new AgencyId("HN-POLICE");
    /** {@link FileStory#referralMade()} runs from 2025-08-06 to 2026-02-04. */
    private static final Instant DURING_THE_REFERRAL = noonOn(LocalDate.of(2025, 9, 1));
    private static final Instant AFTER_THE_REFERRAL = noonOn(LocalDate.of(2026, 2, 5));

    private final AggregateTestFixture<VictimFile> fixture = fixtureWithoutActingAgency();

    private static Instant noonOn(LocalDate day) {
        return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static AddCaseNote aCaseNote() {
        return new AddCaseNote(FILE, null, NOTE, DataCategory.SUPPORT, "settled in well");
    }

    private static CaseNoteAdded caseNoteAdded() {
        return new CaseNoteAdded(FILE, NOTE, DataCategory.SUPPORT, "settled in well");
    }

    private static Object[] referredToTheSocialCentreOnConsent() {
        return new Object[] {receivedByTheCommune(), consentGiven(SOCIAL_CENTRE, null, DataCategory.IDENTITY, DataCategory.SUPPORT),
                referralMade()};
    }

    @Test
    void anAgencyCannotOpenAFileForAPersonAnotherAgencyReceived() {
        fixture.givenNoPriorActivity()
                .when(new OpenFile(FILE, ReceptionChannel.SELF_REPORT, BAT_XAT_COMMUNE, RECEIVED_ON), actingFor(LAO_CAI_POLICE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency LC-POLICE can only open files it receives itself")
                .expectNoEvents();
    }

    @Test
    void aFileIsNotOpenedWithoutAnActingAgency() {
        fixture.givenNoPriorActivity()
                .when(new OpenFile(FILE, ReceptionChannel.SELF_REPORT, BAT_XAT_COMMUNE, RECEIVED_ON))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency null can only open files it receives itself");
    }

    @Test
    void theReceivingCommuneWritesToItsFile() {
        fixture.given(receivedByTheCommune())
                .when(aCaseNote(), actingFor(BAT_XAT_COMMUNE))
                .expectEvents(caseNoteAdded())
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAgencyWithNoPartInTheFileCannotWriteToIt() {
        fixture.given(receivedByTheCommune())
                .when(aCaseNote(), actingFor(HA_NOI_POLICE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency HN-POLICE neither owns file " + FILE + " nor holds a referral to it in force")
                .expectNoEvents();
    }

    @Test
    void aCommandWithoutAnActingAgencyIsRefused() {
        fixture.given(receivedByTheCommune())
                .when(aCaseNote())
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency null neither owns file " + FILE + " nor holds a referral to it in force");
    }

    @Test
    void thePoliceAskedToVerifyConcludeTheVerification() {
        fixture.given(receivedByTheCommune(), new VerificationRequested(FILE, LAO_CAI_POLICE, RECEIVED_ON, RECEIVED_ON.plusDays(20)))
                .when(new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, policeCertificate(CONFIRMED_ON), null,
                        CONFIRMED_ON), actingFor(LAO_CAI_POLICE))
                .expectEvents(confirmedAsVictim())
                .expectResultMessagePayload(2L);
    }

    @Test
    void theRecipientOfAReferralWritesWhileTheReferralRuns() {
        fixture.given(referredToTheSocialCentreOnConsent()).andGivenCurrentTime(DURING_THE_REFERRAL)
                .when(aCaseNote(), actingFor(SOCIAL_CENTRE))
                .expectEvents(caseNoteAdded())
                .expectResultMessagePayload(3L);
    }

    @Test
    void theRecipientOfAnExpiredReferralNoLongerWrites() {
        fixture.given(referredToTheSocialCentreOnConsent()).andGivenCurrentTime(AFTER_THE_REFERRAL)
                .when(aCaseNote(), actingFor(SOCIAL_CENTRE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage(mentioning("agency LC-SOCIAL-CENTRE neither owns file"));
    }

    @Test
    void withdrawingTheConsentEndsTheReferralRestingOnIt() {
        fixture.given(referredToTheSocialCentreOnConsent()).andGiven(consentWithdrawn(LocalDate.of(2025, 8, 20)))
                .andGivenCurrentTime(DURING_THE_REFERRAL)
                .when(aCaseNote(), actingFor(SOCIAL_CENTRE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage(mentioning("agency LC-SOCIAL-CENTRE neither owns file"));
    }

    @Test
    void aDeclinedReferralGivesNoAccess() {
        fixture.given(referredToTheSocialCentreOnConsent()).andGiven(new ReferralDeclined(FILE, REFERRAL, "full", RECEIVED_ON.plusDays(3)))
                .andGivenCurrentTime(DURING_THE_REFERRAL)
                .when(aCaseNote(), actingFor(SOCIAL_CENTRE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage(mentioning("agency LC-SOCIAL-CENTRE neither owns file"));
    }

    @Test
    void aRevokedReferralGivesNoAccess() {
        fixture.given(referredToTheSocialCentreOnConsent()).andGiven(new ReferralRevoked(FILE, REFERRAL, "moved", RECEIVED_ON.plusDays(9)))
                .andGivenCurrentTime(DURING_THE_REFERRAL)
                .when(aCaseNote(), actingFor(SOCIAL_CENTRE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage(mentioning("agency LC-SOCIAL-CENTRE neither owns file"));
    }

    @Test
    void theDataProtectionOfficerCarriesOutAnErasureOrderOnAnyFile() {
        fixture.given(receivedByTheCommune(), identityRecorded())
                .when(new ShredFileKeys(FILE, null, "QD-17/2026", "Lao Cai provincial people's court", LocalDate.of(2026, 6, 1)),
                        Map.of("role", "DATA_PROTECTION_OFFICER"))
                .expectEvents(keysShredded())
                .expectResultMessagePayload(2L);
    }

    @Test
    void anErasureOrderFromOutsideTheFileIsRefused() {
        fixture.given(receivedByTheCommune(), identityRecorded())
                .when(new ShredFileKeys(FILE, null, "QD-17/2026", "Lao Cai provincial people's court", LocalDate.of(2026, 6, 1)),
                        actingFor(HA_NOI_POLICE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage(mentioning("agency HN-POLICE neither owns file"));
    }

    @Test
    void theRecipientNoLongerWritesOnceTheConsentTheReferralRestsOnHasExpired() {
        fixture.given(receivedByTheCommune(), consentGiven(SOCIAL_CENTRE, LocalDate.of(2025, 12, 31), DataCategory.IDENTITY,
                        DataCategory.SUPPORT), referralMade())
                .andGivenCurrentTime(noonOn(LocalDate.of(2026, 1, 15)))
                .when(aCaseNote(), actingFor(SOCIAL_CENTRE))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage(mentioning("agency LC-SOCIAL-CENTRE"));
    }
}
