package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/**
 * Records are never edited: a correction is a new event naming, by sequence number, the earlier
 * event of the same kind it corrects, with a reason. In the history below the file was opened at
 * 0, the identity recorded at 1, the whereabouts at 2 and the trafficking account at 3.
 */
class CorrectionsTest {
    private static final long IDENTITY_AT = 1;
    private static final long WHEREABOUTS_AT = 2;
    private static final long ACCOUNT_AT = 3;
    private static final long NOT_ON_THE_FILE = 99;

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    private static Object[] aFileWithEveryRecord() {
        return new Object[] {receivedByTheCommune(), identityRecorded(), whereaboutsRecorded(), accountRecorded()};
    }

    private static Identity correctedIdentity() {
        return new Identity("Lo Thi May", List.of("Mai"), maisIdentity().dateOfBirth(), Sex.FEMALE, "Hmong", "VN", "Hmong",
                IdDocumentType.NONE, null, null, true);
    }

    // ---- identity ----

    @Test
    void theReceptionOfficerRecordsWhoThePersonIs() {
        fixture.given(receivedByTheCommune())
                .when(new RecordIdentity(FILE, null, maisIdentity()))
                .expectEvents(identityRecorded())
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSecondIdentityRecordIsRefusedInFavourOfACorrection() {
        fixture.given(receivedByTheCommune(), identityRecorded())
                .when(new RecordIdentity(FILE, null, correctedIdentity()))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("identity record (send CorrectIdentity naming the event it corrects) already exists on this file");
    }

    @Test
    void anIdentityCorrectionNamesTheIdentityRecord() {
        fixture.given(aFileWithEveryRecord())
                .when(new CorrectIdentity(FILE, null, IDENTITY_AT, correctedIdentity(), "name misspelt on reception"))
                .expectEvents(new IdentityCorrected(FILE, IDENTITY_AT, correctedIdentity(), "name misspelt on reception"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aCorrectionMayItselfBeCorrected() {
        fixture.given(aFileWithEveryRecord()).andGiven(new IdentityCorrected(FILE, IDENTITY_AT, correctedIdentity(), "misspelt"))
                .when(new CorrectIdentity(FILE, null, 4, maisIdentity(), "the first spelling was right after all"))
                .expectEvents(new IdentityCorrected(FILE, 4, maisIdentity(), "the first spelling was right after all"))
                .expectResultMessagePayload(5L);
    }

    @Test
    void anIdentityCorrectionCannotNameTheWhereabouts() {
        fixture.given(aFileWithEveryRecord())
                .when(new CorrectIdentity(FILE, null, WHEREABOUTS_AT, correctedIdentity(), "wrong"))
                .expectException(FileRefusal.InvalidCorrection.class)
                .expectExceptionMessage("sequence 2 is not an identity record of this file, so it cannot be corrected by this command")
                .expectNoEvents();
    }

    @Test
    void anIdentityCorrectionCannotNameTheOpeningOfTheFile() {
        fixture.given(aFileWithEveryRecord())
                .when(new CorrectIdentity(FILE, null, 0, correctedIdentity(), "wrong"))
                .expectException(FileRefusal.InvalidCorrection.class)
                .expectExceptionMessage(mentioning("sequence 0 is not an identity record"));
    }

    @Test
    void anIdentityCorrectionCannotNameAnEventNotOnTheFile() {
        fixture.given(aFileWithEveryRecord())
                .when(new CorrectIdentity(FILE, null, NOT_ON_THE_FILE, correctedIdentity(), "wrong"))
                .expectException(FileRefusal.InvalidCorrection.class)
                .expectExceptionMessage(mentioning("sequence 99 is not an identity record"));
    }

    // ---- whereabouts ----

    @Test
    void whereThePersonLivesIsRecorded() {
        fixture.given(receivedByTheCommune())
                .when(new RecordWhereabouts(FILE, null, homeInBatXat(), null, null))
                .expectEvents(whereaboutsRecorded())
                .expectResultMessagePayload(1L);
    }

    @Test
    void aWhereaboutsCorrectionNamesTheWhereaboutsRecordAndAReason() {
        Whereabouts moved = new Whereabouts(null, "HN", null, null, null, null, null);
        fixture.given(aFileWithEveryRecord())
                .when(new RecordWhereabouts(FILE, null, moved, WHEREABOUTS_AT, "the district was recorded wrongly"))
                .expectEvents(new WhereaboutsRecorded(FILE, moved, WHEREABOUTS_AT, "the district was recorded wrongly"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void aWhereaboutsCorrectionCannotNameTheIdentity() {
        fixture.given(aFileWithEveryRecord())
                .when(new RecordWhereabouts(FILE, null, homeInBatXat(), IDENTITY_AT, "wrong"))
                .expectException(FileRefusal.InvalidCorrection.class)
                .expectExceptionMessage("sequence 1 is not a whereabouts record of this file, so it cannot be corrected by this command");
    }

    @Test
    void aWhereaboutsCorrectionNeedsAReason() {
        fixture.given(aFileWithEveryRecord())
                .when(new RecordWhereabouts(FILE, null, homeInBatXat(), WHEREABOUTS_AT, " "))
                .expectException(FileRefusal.Missing.class)
                .expectExceptionMessage("correctionReason is required when correcting an earlier record");
    }

    // ---- trafficking account ----

    @Test
    void theInvestigatorRecordsTheTraffickingAccount() {
        fixture.given(receivedByTheCommune())
                .when(new RecordTraffickingAccount(FILE, null, marriedAcrossTheBorder(), null, null))
                .expectEvents(accountRecorded())
                .expectResultMessagePayload(1L);
    }

    @Test
    void anAccountCorrectionNamesTheAccountAndAReason() {
        fixture.given(aFileWithEveryRecord())
                .when(new RecordTraffickingAccount(FILE, null, marriedAcrossTheBorder(), ACCOUNT_AT, "age when trafficked was 16"))
                .expectEvents(new TraffickingAccountRecorded(FILE, marriedAcrossTheBorder(), ACCOUNT_AT, "age when trafficked was 16"))
                .expectResultMessagePayload(4L);
    }

    @Test
    void anAccountCorrectionCannotNameTheWhereabouts() {
        fixture.given(aFileWithEveryRecord())
                .when(new RecordTraffickingAccount(FILE, null, marriedAcrossTheBorder(), WHEREABOUTS_AT, "wrong"))
                .expectException(FileRefusal.InvalidCorrection.class)
                .expectExceptionMessage("sequence 2 is not a trafficking account of this file, so it cannot be corrected by this command");
    }

    @Test
    void anAccountCorrectionNeedsAReason() {
        fixture.given(aFileWithEveryRecord())
                .when(new RecordTraffickingAccount(FILE, null, marriedAcrossTheBorder(), ACCOUNT_AT, null))
                .expectException(FileRefusal.Missing.class)
                .expectExceptionMessage("correctionReason is required when correcting an earlier record");
    }
}
