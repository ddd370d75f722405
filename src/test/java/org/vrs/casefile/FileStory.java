package org.vrs.casefile;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.CoreMatchers;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.vrs.access.AgencyRegistry;
import org.vrs.casefile.api.*;

/**
 * The facts of one victim's file told in domain words, for the given/when/then tests of
 * {@link VictimFile}. Agencies and figures are the real ones of config/agencies.yml and rules.yml.
 */
final class FileStory {
    static final FileId FILE = new FileId("3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f");

    static final AgencyId BAT_XAT_COMMUNE = new AgencyId("LC-COMMUNE-BATXAT");
    static final AgencyId LAO_CAI_POLICE = new AgencyId("LC-POLICE");
    /** Took over support from the labour department in the 2025 reform: active from 2025-03-01. */
    static final AgencyId LAO_CAI_HEALTH = new AgencyId("LC-HEALTH");
    /** Dissolved by the 2025 reform: active until 2025-02-28. */
    static final AgencyId LAO_CAI_DOLISA = new AgencyId("LC-DOLISA");
    static final AgencyId SOCIAL_CENTRE = new AgencyId("LC-SOCIAL-CENTRE");
    static final AgencyId LEGAL_AID_CENTRE = new AgencyId("LC-LEGAL-AID");
    static final AgencyId PEACE_HOUSE = new AgencyId("HN-NGO-SHELTER");
    static final AgencyId NOT_IN_REGISTRY = new AgencyId("LC-NO-SUCH-OFFICE");

    /** After 2025-07-01, so the Law 53/2024 period of the rule book applies. */
    static final LocalDate RECEIVED_ON = LocalDate.of(2025, 8, 4);
    static final LocalDate CONFIRMED_ON = LocalDate.of(2025, 8, 20);

    static final SupportId SUPPORT_CASE = new SupportId(uuid(1));
    static final ConsentId CONSENT = new ConsentId(uuid(2));
    static final ReferralId REFERRAL = new ReferralId(uuid(3));
    static final MeasureId MEASURE = new MeasureId(uuid(4));
    static final PersonId CHILD = new PersonId(uuid(5));
    static final PersonId REPRESENTATIVE = new PersonId(uuid(6));
    static final StayId STAY = new StayId(uuid(7));
    static final ProceedingId PROCEEDING = new ProceedingId(uuid(8));
    static final NoteId NOTE = new NoteId(uuid(9));

    private FileStory() {
    }

    /**
     * The aggregate with the real agency registry and rule book. Commands act for the receiving
     * commune, the file's owner, unless a test names the acting agency: the write scope has its
     * own tests, and every other test is about one domain rule.
     */
    static AggregateTestFixture<VictimFile> victimFileFixture() {
        AggregateTestFixture<VictimFile> fixture = fixtureWithoutActingAgency();
        fixture.registerCommandDispatchInterceptor(actingForTheOwnerByDefault());
        return fixture;
    }

    static AggregateTestFixture<VictimFile> fixtureWithoutActingAgency() {
        AggregateTestFixture<VictimFile> fixture = new AggregateTestFixture<>(VictimFile.class);
        fixture.registerInjectableResource(AgencyRegistry.fromClasspath("/config/agencies.yml"));
        fixture.registerInjectableResource(RuleBook.fromClasspath("/config/rules.yml"));
        return fixture;
    }

    private static MessageDispatchInterceptor<CommandMessage<?>> actingForTheOwnerByDefault() {
        return commands -> (index, command) -> command.getMetaData().containsKey(VictimFile.ACTING_AGENCY)
                ? command
                : command.andMetaData(actingFor(BAT_XAT_COMMUNE));
    }

    /** Command metadata naming the agency the actor works for, as every entry point sets it. */
    static Map<String, Object> actingFor(AgencyId agency) {
        return Map.of(VictimFile.ACTING_AGENCY, agency.value());
    }

    static String uuid(int n) {
        return "00000000-0000-4000-8000-%012d".formatted(n);
    }

    @SafeVarargs
    static <E extends Comparable<E>> SortedSet<E> setOf(E... values) {
        return new TreeSet<>(Arrays.asList(values));
    }

    /** A refusal message that states every one of these facts. */
    static Matcher<String> mentioning(String... facts) {
        List<Matcher<? super String>> all = Arrays.stream(facts).<Matcher<? super String>>map(CoreMatchers::containsString).toList();
        return CoreMatchers.allOf(all);
    }

    /** A refusal of this type whose typed facts hold, so no test depends on parsing a message. */
    static <R extends FileRefusal> Matcher<Object> refusal(Class<R> type, String facts, Predicate<R> holds) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && holds.test(type.cast(actual));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(type.getSimpleName() + " with " + facts);
            }
        };
    }

    // ---- reception and identification ----

    static FileOpened receivedByTheCommune() {
        return receivedByTheCommuneOn(RECEIVED_ON);
    }

    static FileOpened receivedByTheCommuneOn(LocalDate on) {
        return new FileOpened(FILE, "LC-" + on.getYear() + "-3F2A9C1E", ReceptionChannel.SELF_REPORT, BAT_XAT_COMMUNE, "LC", on);
    }

    static Identity maisIdentity() {
        return new Identity("Lo Thi Mai", List.of(), LocalDate.of(2004, 5, 1), Sex.FEMALE, "Hmong", "VN", "Hmong",
                IdDocumentType.NONE, null, null, true);
    }

    static IdentityRecorded identityRecorded() {
        return new IdentityRecorded(FILE, maisIdentity());
    }

    static Whereabouts homeInBatXat() {
        return new Whereabouts("Thon 3, Bat Xat", "LC", "Bat Xat", "Bat Xat", null, null, "0912 000 111");
    }

    static WhereaboutsRecorded whereaboutsRecorded() {
        return new WhereaboutsRecorded(FILE, homeInBatXat(), null, null);
    }

    static TraffickingAccount marriedAcrossTheBorder() {
        return new TraffickingAccount(setOf(ExploitationType.FORCED_MARRIAGE), List.of("CN"), null,
                setOf(RecruitmentChannel.SOCIAL_MEDIA), setOf(ControlMeans.DECEPTION), null, 14, 17,
                "Met a man on Zalo who promised work");
    }

    static TraffickingAccountRecorded accountRecorded() {
        return new TraffickingAccountRecorded(FILE, marriedAcrossTheBorder(), null, null);
    }

    static ConfirmingDocument policeCertificate(LocalDate issuedOn) {
        return new ConfirmingDocument(ConfirmingDocumentType.POLICE_CERTIFICATE, "Lao Cai provincial police", "123/XN", issuedOn);
    }

    static VerificationConcluded confirmedAsVictim() {
        return confirmedAsVictimOn(CONFIRMED_ON);
    }

    static VerificationConcluded confirmedAsVictimOn(LocalDate on) {
        return new VerificationConcluded(FILE, VerificationOutcome.CONFIRMED, policeCertificate(on), null, on);
    }

    static VerificationConcluded notConfirmedAsVictim() {
        return new VerificationConcluded(FILE, VerificationOutcome.NOT_CONFIRMED, null, "no indication of exploitation", CONFIRMED_ON);
    }

    // ---- support ----

    static SupportRequested supportRequested(SupportRegime regime, LocalDate on) {
        return new SupportRequested(FILE, SUPPORT_CASE, regime, null, on, null);
    }

    static SupportGranted supportGranted(long amountVnd, LocalDate on) {
        return new SupportGranted(FILE, SUPPORT_CASE, amountVnd, LAO_CAI_HEALTH, on);
    }

    static SupportDelivered supportDelivered(long amountVnd, LocalDate on) {
        return new SupportDelivered(FILE, SUPPORT_CASE, amountVnd, LAO_CAI_HEALTH, on);
    }

    static SupportRefused supportRefusedBy(RefusingParty party, LocalDate on) {
        return new SupportRefused(FILE, SUPPORT_CASE, party, "the person wants to go home first", on);
    }

    // ---- family, consent, referral, protection ----

    static RelatedPersonAdded relatedPersonAdded(PersonId person, Relation relation) {
        return new RelatedPersonAdded(FILE, person, relation, "Lo Van Binh", null, null);
    }

    static ConsentGiven consentGiven(AgencyId recipient, LocalDate expiresOn, DataCategory... categories) {
        return new ConsentGiven(FILE, CONSENT, setOf(categories), recipient, "shelter and care", ConsentGiver.PERSON, null,
                RECEIVED_ON.plusDays(1), expiresOn);
    }

    static ConsentWithdrawn consentWithdrawn(LocalDate on) {
        return new ConsentWithdrawn(FILE, CONSENT, on);
    }

    static ReferralMade referralMade() {
        return new ReferralMade(FILE, REFERRAL, SOCIAL_CENTRE, setOf(DataCategory.IDENTITY, DataCategory.SUPPORT), "shelter",
                CONSENT, null, RECEIVED_ON.plusDays(2), RECEIVED_ON.plusMonths(6));
    }

    static ProtectionMeasureApplied whereaboutsKeptConfidential() {
        return new ProtectionMeasureApplied(FILE, MEASURE, ProtectionMeasureType.WHEREABOUTS_CONFIDENTIALITY, ProtectedPerson.VICTIM,
                null, "the trafficker lives in the same district", RECEIVED_ON.plusDays(1));
    }

    static ShelterAdmitted admittedToTheSocialCentre(LocalDate on) {
        return new ShelterAdmitted(FILE, STAY, SOCIAL_CENTRE, on);
    }

    static LegalProceedingLinked proceedingLinked() {
        return new LegalProceedingLinked(FILE, PROCEEDING, "Lao Cai provincial people's court", "45/2025/HS-ST", ProceedingRole.CIVIL_PARTY,
                true, RECEIVED_ON.plusMonths(2));
    }

    static CompensationOrdered compensationOrdered(long amountVnd) {
        return new CompensationOrdered(FILE, PROCEEDING, amountVnd, RECEIVED_ON.plusMonths(5));
    }

    // ---- end of the file ----

    static FileClosed fileClosed() {
        return new FileClosed(FILE, CloseReason.REINTEGRATED, "back with her family", LocalDate.of(2026, 3, 2));
    }

    static FileKeysShredded keysShredded() {
        return new FileKeysShredded(FILE, "QD-17/2026", "Lao Cai provincial people's court", LocalDate.of(2026, 6, 1));
    }
}
