package org.vrs.casefile;

import static org.vrs.casefile.FileStory.*;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.vrs.casefile.api.*;

/**
 * A certified extract is recorded on the file it was taken from: by a court or procuracy of the
 * file's province carrying out its own order, on open and closed files alike, never on an erased one.
 */
class ExtractIssuingTest {
    private static final AgencyId LAO_CAI_COURT = new AgencyId("LC-COURT");
    private static final AgencyId LAO_CAI_PROCURACY = new AgencyId("LC-PROCURACY");
    private static final AgencyId HA_NOI_COURT = new AgencyId("HN-COURT");
    private static final ExtractId EXTRACT = new ExtractId(uuid(60));
    private static final String BUNDLE = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private final AggregateTestFixture<VictimFile> fixture = fixtureWithoutActingAgency();

    private static IssueExtract ordered(AgencyId court, LocalDate from, LocalDate to) {
        return new IssueExtract(FILE, EXTRACT, "u-judge", court, "45/2026/QD-TA", setOf(DataCategory.LEGAL, DataCategory.CASE_ADMIN),
                from, to, "criminal case 45/2026/HS", BUNDLE);
    }

    private static IssueExtract orderedBy(AgencyId court) {
        return ordered(court, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    }

    private static ExtractIssued issuedBy(AgencyId court) {
        return new ExtractIssued(FILE, EXTRACT, "u-judge", court, "45/2026/QD-TA", setOf(DataCategory.LEGAL, DataCategory.CASE_ADMIN),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), "criminal case 45/2026/HS", BUNDLE);
    }

    private static Map<String, Object> as(AgencyId agency, String role) {
        return Map.of(VictimFile.ACTING_AGENCY, agency.value(), "role", role);
    }

    @Test
    void theProvincialCourtRecordsItsExtractOnTheFile() {
        fixture.given(receivedByTheCommune(), identityRecorded())
                .when(orderedBy(LAO_CAI_COURT), as(LAO_CAI_COURT, "COURT"))
                .expectEvents(issuedBy(LAO_CAI_COURT))
                .expectResultMessagePayload(2L);
    }

    @Test
    void theProvincialProcuracyRecordsItsExtractToo() {
        fixture.given(receivedByTheCommune())
                .when(orderedBy(LAO_CAI_PROCURACY), as(LAO_CAI_PROCURACY, "PROCURATOR"))
                .expectEvents(issuedBy(LAO_CAI_PROCURACY));
    }

    @Test
    void aClosedFileStillYieldsExtracts() {
        fixture.given(receivedByTheCommune(), fileClosed())
                .when(orderedBy(LAO_CAI_COURT), as(LAO_CAI_COURT, "COURT"))
                .expectEvents(issuedBy(LAO_CAI_COURT));
    }

    @Test
    void anErasedFileYieldsNone() {
        fixture.given(receivedByTheCommune(), fileClosed(), keysShredded())
                .when(orderedBy(LAO_CAI_COURT), as(LAO_CAI_COURT, "COURT"))
                .expectException(FileRefusal.FileShredded.class)
                .expectNoEvents();
    }

    @Test
    void aCourtOfAnotherProvinceHasNoJurisdiction() {
        fixture.given(receivedByTheCommune())
                .when(orderedBy(HA_NOI_COURT), as(HA_NOI_COURT, "COURT"))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency HN-COURT of province HN has no jurisdiction over file " + FILE + " of province LC")
                .expectNoEvents();
    }

    @Test
    void anAgencyThatIsNoCourtCannotIssueOneEvenWithTheCourtRole() {
        fixture.given(receivedByTheCommune())
                .when(orderedBy(LAO_CAI_POLICE), as(LAO_CAI_POLICE, "COURT"))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency LC-POLICE is a POLICE, not a court or procuracy")
                .expectNoEvents();
    }

    @Test
    void aCourtCarriesOutOnlyItsOwnOrders() {
        fixture.given(receivedByTheCommune())
                .when(orderedBy(LAO_CAI_PROCURACY), as(LAO_CAI_COURT, "COURT"))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency LC-COURT may carry out only its own orders, not those of LC-PROCURACY")
                .expectNoEvents();
    }

    @Test
    void withoutAJudicialRoleTheWriteScopeApplies() {
        fixture.given(receivedByTheCommune())
                .when(orderedBy(LAO_CAI_COURT), as(LAO_CAI_COURT, "CASEWORKER"))
                .expectException(FileRefusal.OutOfScope.class)
                .expectExceptionMessage("agency LC-COURT neither owns file " + FILE + " nor holds a referral to it in force")
                .expectNoEvents();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        fixture.given(receivedByTheCommune())
                .when(ordered(LAO_CAI_COURT, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 31)), as(LAO_CAI_COURT, "COURT"))
                .expectException(FileRefusal.DateOrder.class)
                .expectExceptionMessage("period end (2025-05-31) must not be before period start (2025-06-01)")
                .expectNoEvents();
    }
}
