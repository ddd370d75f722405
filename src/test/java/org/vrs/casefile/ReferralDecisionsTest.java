package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** The recipient accepts or declines a referral it was sent; the referring side may revoke it while it runs. */
class ReferralDecisionsTest {
    private static final LocalDate DECIDED_ON = RECEIVED_ON.plusDays(3);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static Object[] aReferralToTheSocialCentre() {
        return new Object[] {receivedByTheCommune(), consentGiven(SOCIAL_CENTRE, null, DataCategory.IDENTITY, DataCategory.SUPPORT),
                referralMade()};
    }

    private static ReferralAccepted accepted() {
        return new ReferralAccepted(FILE, REFERRAL, DECIDED_ON);
    }

    private static ReferralDeclined declined() {
        return new ReferralDeclined(FILE, REFERRAL, "no place in the shelter", DECIDED_ON);
    }

    @Test
    void theShelterAcceptsTheReferral() {
        fixture.given(aReferralToTheSocialCentre())
                .when(new AcceptReferral(FILE, null, REFERRAL, DECIDED_ON))
                .expectEvents(accepted())
                .expectResultMessagePayload(3L);
    }

    @Test
    void aReferralNeverMadeCannotBeAccepted() {
        fixture.given(receivedByTheCommune())
                .when(new AcceptReferral(FILE, null, REFERRAL, DECIDED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no referral " + REFERRAL + " on this file");
    }

    @Test
    void aDeclinedReferralCannotBeAcceptedAfterwards() {
        fixture.given(aReferralToTheSocialCentre()).andGiven(declined())
                .when(new AcceptReferral(FILE, null, REFERRAL, DECIDED_ON.plusDays(1)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("referral " + REFERRAL + " is DECLINED; this needs a referral [MADE]");
    }

    @Test
    void theShelterDeclinesTheReferral() {
        fixture.given(aReferralToTheSocialCentre())
                .when(new DeclineReferral(FILE, null, REFERRAL, "no place in the shelter", DECIDED_ON))
                .expectEvents(declined())
                .expectResultMessagePayload(3L);
    }

    @Test
    void aReferralNeverMadeCannotBeDeclined() {
        fixture.given(receivedByTheCommune())
                .when(new DeclineReferral(FILE, null, REFERRAL, "no place", DECIDED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no referral " + REFERRAL + " on this file");
    }

    @Test
    void anAcceptedReferralCannotBeDeclinedAfterwards() {
        fixture.given(aReferralToTheSocialCentre()).andGiven(accepted())
                .when(new DeclineReferral(FILE, null, REFERRAL, "changed our mind", DECIDED_ON.plusDays(1)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("referral " + REFERRAL + " is ACCEPTED; this needs a referral [MADE]");
    }

    @Test
    void theCommuneRevokesAReferralNotYetAnswered() {
        fixture.given(aReferralToTheSocialCentre())
                .when(new RevokeReferral(FILE, null, REFERRAL, "the person moved to Ha Noi", DECIDED_ON))
                .expectEvents(new ReferralRevoked(FILE, REFERRAL, "the person moved to Ha Noi", DECIDED_ON))
                .expectResultMessagePayload(3L);
    }

    @Test
    void theCommuneRevokesAnAcceptedReferral() {
        fixture.given(aReferralToTheSocialCentre()).andGiven(accepted())
                .when(new RevokeReferral(FILE, null, REFERRAL, "the person moved to Ha Noi", DECIDED_ON.plusDays(9)))
                .expectEvents(new ReferralRevoked(FILE, REFERRAL, "the person moved to Ha Noi", DECIDED_ON.plusDays(9)))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aReferralNeverMadeCannotBeRevoked() {
        fixture.given(receivedByTheCommune())
                .when(new RevokeReferral(FILE, null, REFERRAL, "moved", DECIDED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no referral " + REFERRAL + " on this file");
    }

    @Test
    void aDeclinedReferralHasNothingLeftToRevoke() {
        fixture.given(aReferralToTheSocialCentre()).andGiven(declined())
                .when(new RevokeReferral(FILE, null, REFERRAL, "moved", DECIDED_ON.plusDays(1)))
                .expectException(FileRefusal.WrongState.class)
                // the allowed states print in Set.of order, which varies from run to run
                .expectExceptionMessage(mentioning("referral " + REFERRAL + " is DECLINED; this needs a referral [", "MADE", "ACCEPTED"));
    }
}
