package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;
import static org.vrs.casefile.api.DataCategory.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** Consent to disclose (Law 53/2024 Art. 3(10)): given by the person or a recorded lawful representative; withdrawable. */
class ConsentTest {
    private static final LocalDate GIVEN_ON = RECEIVED_ON.plusDays(1);
    private static final LocalDate EXPIRES_ON = LocalDate.of(2025, 12, 31);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static GiveConsent consentToTheSocialCentre(ConsentGiver givenBy, PersonId representative) {
        return new GiveConsent(FILE, null, CONSENT, setOf(IDENTITY, SUPPORT), SOCIAL_CENTRE, "shelter and care", givenBy, representative,
                GIVEN_ON, EXPIRES_ON);
    }

    private static ConsentGiven consentedToTheSocialCentre(ConsentGiver givenBy, PersonId representative) {
        return new ConsentGiven(FILE, CONSENT, setOf(IDENTITY, SUPPORT), SOCIAL_CENTRE, "shelter and care", givenBy, representative,
                GIVEN_ON, EXPIRES_ON);
    }

    @Test
    void thePersonConsentsToShareHerIdentityAndSupportWithTheShelter() {
        fixture.given(receivedByTheCommune())
                .when(consentToTheSocialCentre(ConsentGiver.PERSON, null))
                .expectEvents(consentedToTheSocialCentre(ConsentGiver.PERSON, null))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theRecordedLawfulRepresentativeOfAChildConsentsForHer() {
        fixture.given(receivedByTheCommune(), relatedPersonAdded(REPRESENTATIVE, Relation.LAWFUL_REPRESENTATIVE))
                .when(consentToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, REPRESENTATIVE))
                .expectEvents(consentedToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, REPRESENTATIVE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aRecordedGuardianMayConsentAsLawfulRepresentative() {
        fixture.given(receivedByTheCommune(), relatedPersonAdded(REPRESENTATIVE, Relation.GUARDIAN))
                .when(consentToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, REPRESENTATIVE))
                .expectEvents(consentedToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, REPRESENTATIVE))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aRepresentativesConsentMustNameTheRepresentative() {
        fixture.given(receivedByTheCommune())
                .when(consentToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, null))
                .expectException(FileRefusal.Missing.class)
                .expectExceptionMessage("representative is required when a lawful representative gives consent")
                .expectNoEvents();
    }

    @Test
    void aRepresentativeNotRecordedOnTheFileCannotConsent() {
        fixture.given(receivedByTheCommune())
                .when(consentToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, REPRESENTATIVE))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no related person " + REPRESENTATIVE + " on this file");
    }

    @Test
    void aRelativeWhoIsNotTheLawfulRepresentativeCannotConsentForTheVictim() {
        fixture.given(receivedByTheCommune(), relatedPersonAdded(REPRESENTATIVE, Relation.RELATIVE))
                .when(consentToTheSocialCentre(ConsentGiver.LAWFUL_REPRESENTATIVE, REPRESENTATIVE))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("person " + REPRESENTATIVE + " is RELATIVE; this needs a lawful representative or guardian");
    }

    @Test
    void oneConsentIsRecordedOnce() {
        fixture.given(receivedByTheCommune(), consentGiven(SOCIAL_CENTRE, null, IDENTITY))
                .when(consentToTheSocialCentre(ConsentGiver.PERSON, null))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("consent " + CONSENT + " already exists on this file");
    }

    @Test
    void consentNamesARecipientInTheAgencyRegistry() {
        fixture.given(receivedByTheCommune())
                .when(new GiveConsent(FILE, null, CONSENT, setOf(IDENTITY), NOT_IN_REGISTRY, "care", ConsentGiver.PERSON, null, GIVEN_ON,
                        null))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-NO-SUCH-OFFICE is not in the agency registry or not active on 2025-08-05");
    }

    @Test
    void consentCannotExpireBeforeItIsGiven() {
        fixture.given(receivedByTheCommune())
                .when(new GiveConsent(FILE, null, CONSENT, setOf(IDENTITY), SOCIAL_CENTRE, "care", ConsentGiver.PERSON, null, GIVEN_ON,
                        GIVEN_ON.minusDays(1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("consent expiry (2025-08-04) must not be before consent date (2025-08-05)");
    }

    @Test
    void thePersonWithdrawsHerConsent() {
        fixture.given(receivedByTheCommune(), consentGiven(SOCIAL_CENTRE, null, IDENTITY))
                .when(new WithdrawConsent(FILE, null, CONSENT, LocalDate.of(2025, 10, 1)))
                .expectEvents(consentWithdrawn(LocalDate.of(2025, 10, 1)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aConsentNeverGivenCannotBeWithdrawn() {
        fixture.given(receivedByTheCommune())
                .when(new WithdrawConsent(FILE, null, CONSENT, LocalDate.of(2025, 10, 1)))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no consent " + CONSENT + " on this file");
    }

    @Test
    void aConsentIsWithdrawnOnce() {
        fixture.given(receivedByTheCommune(), consentGiven(SOCIAL_CENTRE, null, IDENTITY), consentWithdrawn(LocalDate.of(2025, 10, 1)))
                .when(new WithdrawConsent(FILE, null, CONSENT, LocalDate.of(2025, 10, 2)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("consent " + CONSENT + " is withdrawn; this needs a consent in force");
    }
}
