package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/** Protection measures for the victim or a recorded relative, and shelter stays one at a time. */
class ProtectionAndShelterTest {
    private static final LocalDate APPLIED_ON = RECEIVED_ON.plusDays(1);
    private static final LocalDate ADMITTED_ON = RECEIVED_ON.plusDays(2);
    private static final String THREAT = "the trafficker lives in the same district";

    private final AggregateTestFixture<VictimFile> fixture = victimFileFixture();

    // ---- protection measures ----

    @Test
    void theVictimsWhereaboutsAreKeptConfidential() {
        fixture.given(receivedByTheCommune())
                .when(new ApplyProtectionMeasure(FILE, null, MEASURE, ProtectionMeasureType.WHEREABOUTS_CONFIDENTIALITY,
                        ProtectedPerson.VICTIM, null, THREAT, APPLIED_ON))
                .expectEvents(whereaboutsKeptConfidential())
                .expectResultMessagePayload(1L);
    }

    @Test
    void aRecordedChildIsProtectedAtSchool() {
        fixture.given(receivedByTheCommune(), relatedPersonAdded(CHILD, Relation.ACCOMPANYING_CHILD))
                .when(new ApplyProtectionMeasure(FILE, null, MEASURE, ProtectionMeasureType.WORKPLACE_OR_SCHOOL_SECURITY,
                        ProtectedPerson.RELATIVE, CHILD, THREAT, APPLIED_ON))
                .expectEvents(new ProtectionMeasureApplied(FILE, MEASURE, ProtectionMeasureType.WORKPLACE_OR_SCHOOL_SECURITY,
                        ProtectedPerson.RELATIVE, CHILD, THREAT, APPLIED_ON))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aMeasureForARelativeNamesTheRelative() {
        fixture.given(receivedByTheCommune())
                .when(new ApplyProtectionMeasure(FILE, null, MEASURE, ProtectionMeasureType.RESIDENCE_SECURITY, ProtectedPerson.RELATIVE,
                        null, THREAT, APPLIED_ON))
                .expectException(FileRefusal.Missing.class)
                .expectExceptionMessage("relative is required when the measure protects a relative");
    }

    @Test
    void aMeasureCannotProtectARelativeNotRecordedOnTheFile() {
        fixture.given(receivedByTheCommune())
                .when(new ApplyProtectionMeasure(FILE, null, MEASURE, ProtectionMeasureType.RESIDENCE_SECURITY, ProtectedPerson.RELATIVE,
                        CHILD, THREAT, APPLIED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no related person " + CHILD + " on this file");
    }

    @Test
    void oneMeasureIsAppliedOnce() {
        fixture.given(receivedByTheCommune(), whereaboutsKeptConfidential())
                .when(new ApplyProtectionMeasure(FILE, null, MEASURE, ProtectionMeasureType.CLOSED_TRIAL, ProtectedPerson.VICTIM, null,
                        THREAT, APPLIED_ON))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("protection measure " + MEASURE + " already exists on this file");
    }

    @Test
    void aMeasureIsLiftedWhenTheThreatIsOver() {
        fixture.given(receivedByTheCommune(), whereaboutsKeptConfidential())
                .when(new LiftProtectionMeasure(FILE, null, MEASURE, "the trafficker was convicted", LocalDate.of(2026, 1, 5)))
                .expectEvents(new ProtectionMeasureLifted(FILE, MEASURE, "the trafficker was convicted", LocalDate.of(2026, 1, 5)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aMeasureNeverAppliedCannotBeLifted() {
        fixture.given(receivedByTheCommune())
                .when(new LiftProtectionMeasure(FILE, null, MEASURE, "over", LocalDate.of(2026, 1, 5)))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no protection measure " + MEASURE + " on this file");
    }

    @Test
    void aMeasureIsLiftedOnce() {
        fixture.given(receivedByTheCommune(), whereaboutsKeptConfidential(),
                        new ProtectionMeasureLifted(FILE, MEASURE, "over", LocalDate.of(2026, 1, 5)))
                .when(new LiftProtectionMeasure(FILE, null, MEASURE, "over", LocalDate.of(2026, 1, 6)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("protection measure " + MEASURE + " is lifted; this needs an active measure");
    }

    // ---- shelter ----

    @Test
    void theSocialCentreAdmitsThePerson() {
        fixture.given(receivedByTheCommune())
                .when(new AdmitToShelter(FILE, null, STAY, SOCIAL_CENTRE, ADMITTED_ON))
                .expectEvents(admittedToTheSocialCentre(ADMITTED_ON))
                .expectResultMessagePayload(1L);
    }

    @Test
    void aStayIsRecordedOnce() {
        fixture.given(receivedByTheCommune(), admittedToTheSocialCentre(ADMITTED_ON),
                        new ShelterDischarged(FILE, STAY, "returned home", ADMITTED_ON.plusDays(30)))
                .when(new AdmitToShelter(FILE, null, STAY, PEACE_HOUSE, ADMITTED_ON.plusDays(40)))
                .expectException(FileRefusal.DuplicateEntry.class)
                .expectExceptionMessage("shelter stay " + STAY + " already exists on this file");
    }

    @Test
    void aPersonIsDischargedBeforeBeingAdmittedElsewhere() {
        fixture.given(receivedByTheCommune(), admittedToTheSocialCentre(ADMITTED_ON))
                .when(new AdmitToShelter(FILE, null, new StayId(uuid(70)), PEACE_HOUSE, ADMITTED_ON.plusDays(10)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("the person is in shelter stay " + STAY + "; this needs discharge before a new admission");
    }

    @Test
    void theShelterIsAnAgencyOfTheRegistry() {
        fixture.given(receivedByTheCommune())
                .when(new AdmitToShelter(FILE, null, STAY, NOT_IN_REGISTRY, ADMITTED_ON))
                .expectException(FileRefusal.UnknownAgency.class)
                .expectExceptionMessage("agency LC-NO-SUCH-OFFICE is not in the agency registry or not active on 2025-08-06");
    }

    @Test
    void thePersonLeavesTheShelter() {
        fixture.given(receivedByTheCommune(), admittedToTheSocialCentre(ADMITTED_ON))
                .when(new DischargeFromShelter(FILE, null, STAY, "returned home", ADMITTED_ON.plusDays(30)))
                .expectEvents(new ShelterDischarged(FILE, STAY, "returned home", ADMITTED_ON.plusDays(30)))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aStayNeverBegunCannotEnd() {
        fixture.given(receivedByTheCommune())
                .when(new DischargeFromShelter(FILE, null, STAY, "returned home", ADMITTED_ON))
                .expectException(FileRefusal.UnknownEntry.class)
                .expectExceptionMessage("no shelter stay " + STAY + " on this file");
    }

    @Test
    void aStayEndsOnce() {
        fixture.given(receivedByTheCommune(), admittedToTheSocialCentre(ADMITTED_ON),
                        new ShelterDischarged(FILE, STAY, "returned home", ADMITTED_ON.plusDays(30)))
                .when(new DischargeFromShelter(FILE, null, STAY, "returned home", ADMITTED_ON.plusDays(31)))
                .expectException(FileRefusal.WrongState.class)
                .expectExceptionMessage("shelter stay " + STAY + " is ended; this needs an open stay");
    }

    @Test
    void aStayCannotEndBeforeItBegan() {
        fixture.given(receivedByTheCommune(), admittedToTheSocialCentre(ADMITTED_ON))
                .when(new DischargeFromShelter(FILE, null, STAY, "returned home", ADMITTED_ON.minusDays(1)))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("discharge date (2025-08-05) must not be before admission date (2025-08-06)");
    }
}
