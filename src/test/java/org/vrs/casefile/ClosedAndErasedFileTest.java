package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vrs.casefile.api.*;

/**
 * A closed file takes nothing but reopening (and an erasure order); a file whose keys are shredded
 * takes nothing at all. Every command of the file is tried, each one valid on an open file.
 */
class ClosedAndErasedFileTest {
    private static final LocalDate ON = LocalDate.of(2026, 4, 1);

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    /** A file with something of everything the commands below name. */
    private static List<Object> aFullFile() {
        return List.of(receivedByTheCommune(), identityRecorded(), whereaboutsRecorded(), accountRecorded(),
                relatedPersonAdded(CHILD, Relation.ACCOMPANYING_CHILD), whereaboutsKeptConfidential(),
                consentGiven(SOCIAL_CENTRE, null, DataCategory.IDENTITY, DataCategory.SUPPORT), referralMade(),
                supportRequested(SupportRegime.ESSENTIAL_NEEDS, RECEIVED_ON.plusDays(1)),
                admittedToTheSocialCentre(RECEIVED_ON.plusDays(2)), proceedingLinked(), compensationOrdered(20_000_000));
    }

    static Stream<Named<Object>> everyCommandButReopeningAndErasure() {
        return Stream.<Object>of(
                new RecordIdentity(FILE, null, maisIdentity()),
                new CorrectIdentity(FILE, null, 1, maisIdentity(), "family name misspelt"),
                new RecordWhereabouts(FILE, null, homeInBatXat(), null, null),
                new RecordTraffickingAccount(FILE, null, marriedAcrossTheBorder(), 3L, "age corrected"),
                new RecordEssentialNeedsMet(FILE, null, setOf(EssentialNeed.FOOD), BAT_XAT_COMMUNE, ON),
                new RequestVerification(FILE, null, LAO_CAI_POLICE, ON, null),
                new ConcludeVerification(FILE, null, VerificationOutcome.CONFIRMED, policeCertificate(ON), null, ON),
                new ApplyProtectionMeasure(FILE, null, new MeasureId(uuid(40)), ProtectionMeasureType.RESIDENCE_SECURITY,
                        ProtectedPerson.RELATIVE, CHILD, "threats to the child", ON),
                new LiftProtectionMeasure(FILE, null, MEASURE, "the trafficker was arrested", ON),
                new GiveConsent(FILE, null, new ConsentId(uuid(41)), setOf(DataCategory.LEGAL), LEGAL_AID_CENTRE, "legal aid",
                        ConsentGiver.PERSON, null, ON, null),
                new WithdrawConsent(FILE, null, CONSENT, ON),
                new RequestSupport(FILE, null, new SupportId(uuid(42)), SupportRegime.MEDICAL, 50_000L, ON, null),
                new GrantSupport(FILE, null, SUPPORT_CASE, 400_000, LAO_CAI_HEALTH, ON),
                new RefuseSupport(FILE, null, SUPPORT_CASE, RefusingParty.AGENCY, "no budget", ON),
                new DeliverSupport(FILE, null, SUPPORT_CASE, 0, LAO_CAI_HEALTH, ON),
                new AdmitToShelter(FILE, null, new StayId(uuid(43)), PEACE_HOUSE, ON),
                new DischargeFromShelter(FILE, null, STAY, "returned home", ON),
                new MakeReferral(FILE, null, new ReferralId(uuid(44)), SOCIAL_CENTRE, setOf(DataCategory.SUPPORT), "care", CONSENT, null,
                        ON, ON.plusMonths(3)),
                new AcceptReferral(FILE, null, REFERRAL, ON),
                new DeclineReferral(FILE, null, REFERRAL, "no place", ON),
                new RevokeReferral(FILE, null, REFERRAL, "no longer needed", ON),
                new AddRelatedPerson(FILE, null, new PersonId(uuid(45)), Relation.RELATIVE, "Lo Thi Hoa", null, null),
                new AddCaseNote(FILE, null, NOTE, DataCategory.SUPPORT, "called her mother"),
                new LinkLegalProceeding(FILE, null, new ProceedingId(uuid(46)), "Lao Cai provincial people's court", "46/2026/HS-ST",
                        ProceedingRole.WITNESS, false, ON),
                new RecordCompensationOrdered(FILE, null, PROCEEDING, 10_000_000, ON),
                new RecordCompensationPaid(FILE, null, PROCEEDING, 10_000_000, ON),
                new RecordFollowUpVisit(FILE, null, ON, RiskLevel.LOW, null, null),
                new CloseFile(FILE, null, CloseReason.OTHER, null, ON))
                .map(command -> Named.of(command.getClass().getSimpleName(), command));
    }

    static Stream<Named<Object>> everyCommand() {
        return Stream.concat(everyCommandButReopeningAndErasure(), Stream.of(
                Named.of("ReopenFile", new ReopenFile(FILE, null, "came back", ON)),
                Named.of("ShredFileKeys", new ShredFileKeys(FILE, null, "QD-18/2026", "Lao Cai provincial people's court", ON))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommandButReopeningAndErasure")
    void aClosedFileRefusesEveryCommandButReopening(Object command) {
        fixture.given(aFullFile()).andGiven(fileClosed())
                .when(command)
                .expectException(FileRefusal.FileClosed.class)
                .expectExceptionMessage("file " + FILE + " is closed: only reopening is allowed")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void afterTheKeysAreShreddedNothingAtAllIsAccepted(Object command) {
        fixture.given(aFullFile()).andGiven(fileClosed(), keysShredded())
                .when(command)
                .expectException(FileRefusal.FileShredded.class)
                .expectExceptionMessage("file " + FILE + " was erased (its keys are shredded): no further command is accepted")
                .expectNoEvents();
    }

    /** After erasure the store loads every earlier event as a shredded payload, the opening one included. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void anErasedFileLoadedFromShreddedPayloadsAcceptsNothingEither(Object command) {
        List<Object> shreddedHistory = aFullFile().stream()
                .<Object>map(event -> new ShreddedPayload(event.getClass().getName(), ShreddedPayload.CONTENT))
                .toList();
        fixture.given(shreddedHistory).andGiven(keysShredded())
                .when(command)
                .expectException(FileRefusal.FileShredded.class)
                .expectExceptionMessage("file " + FILE + " was erased (its keys are shredded): no further command is accepted")
                .expectNoEvents();
    }
}
