package org.vrs.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.vrs.access.Actor;
import org.vrs.access.Role;
import org.vrs.casefile.api.*;
import org.vrs.ledger.Sha256;

/**
 * Bundles made by the real assembler from a synthetic file, without a service: a development PKI
 * and a ledger in memory. One file of six events with a marker in each category, among events of
 * other files, with a published checkpoint part-way.
 */
public final class TestBundles {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final FileId FILE = new FileId("3f2a9c1e-5b7d-4e8a-9c0f-1a2b3c4d5e6f");
    static final AgencyId COURT = new AgencyId("LC-COURT");
    static final Actor JUDGE = new Actor("u-judge", COURT, Role.COURT, "LC");
    static final Instant FIRST = Instant.parse("2026-03-02T03:00:00Z");

    private static TestPki pki;

    private TestBundles() {
    }

    /** What a bundle was made of, for tests that check or tamper with it. */
    record Made(TestPki pki, InMemoryLedger ledger, List<DomainEventMessage<?>> events, ExtractContent content, FieldSalts salts,
                BundleAssembler.Bundle bundle) {

        byte[] file(String name) {
            return bundle.files().get(name).clone();
        }
    }

    static synchronized TestPki pki() {
        if (pki == null) {
            try {
                pki = TestPki.create(Files.createTempDirectory("vrs-test-pki-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pki;
    }

    static ExtractOrder order(DataCategory... categories) {
        return order(List.of(), categories);
    }

    static ExtractOrder order(List<ExtractId> earlierExtracts, DataCategory... categories) {
        return new ExtractOrder("45/2026/QD-TA", COURT, FILE, new TreeSet<>(List.of(categories)), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31), "criminal case 45/2026/HS: testimony of the victim", earlierExtracts);
    }

    /** The default bundle: case administration and legal data of the file. */
    static Made make() {
        return make(order(DataCategory.CASE_ADMIN, DataCategory.LEGAL));
    }

    static Made make(ExtractOrder order) {
        InMemoryLedger ledger = InMemoryLedger.withFreshKey();
        List<DomainEventMessage<?>> events = theFile();
        for (int i = 0; i < events.size(); i++) {
            otherEvent(ledger);
            DomainEventMessage<?> e = events.get(i);
            ledger.append(e.getIdentifier(), FILE.value(), e.getSequenceNumber(), e.getPayloadType().getName(), "1", e.getTimestamp(),
                    "file:" + FILE + ":1", Sha256.digest(("ciphertext of " + e.getIdentifier()).getBytes()));
            if (i == 2) {
                ledger.publish();
            }
        }
        otherEvent(ledger);
        ledger.sign();
        return make(order, ledger, events);
    }

    static Made make(ExtractOrder order, InMemoryLedger ledger, List<DomainEventMessage<?>> events) {
        return make(order, ledger, events, scoped -> List.of());
    }

    /** @param reveals the salts of earlier extracts the bundle reveals, given what it discloses */
    static Made make(ExtractOrder order, InMemoryLedger ledger, List<DomainEventMessage<?>> events,
                     java.util.function.Function<List<ScopedEvent>, List<RevealedSalt>> reveals) {
        FieldSalts salts = FieldSalts.fresh();
        List<ScopedEvent> scoped = ExtractScope.select(events.stream(), order, VIETNAM, salts);
        LedgerEvidence evidence = LedgerEvidenceCollector.collect(ledger, scoped);
        ExtractContent content = new ExtractContent(ExtractId.random(), FIRST.plusSeconds(86_400 * 30), JUDGE, order, VIETNAM,
                scoped, evidence, reveals.apply(scoped));
        return new Made(pki(), ledger, events, content, salts, assembler(pki()).assemble(content));
    }

    static BundleAssembler assembler(TestPki pki) {
        SigningKey signer = pki.pki().extractSigner();
        return new BundleAssembler(signer, new CmsSigner(signer, Clock.systemUTC()), pki.tsa(Clock.systemUTC()));
    }

    /** A narrow extract, then a wider one over the same ledger that names it (the narrow one's issue recorded on the file). */
    record WithEarlier(Made narrow, List<DomainEventMessage<?>> events, ExtractOrder wideOrder, Made wide) {

        /** The salts the wide order reveals, given what it discloses, by the service's own code. */
        List<RevealedSalt> reveal(List<ScopedEvent> scoped) {
            return EarlierExtracts.reveal(wideOrder, events, scoped, VIETNAM, id -> java.util.Optional.of(narrow.salts()));
        }
    }

    static WithEarlier makeWithEarlier(DataCategory[] narrowCategories, DataCategory[] wideCategories) {
        Made narrow = make(order(narrowCategories));
        ExtractOrder narrowOrder = narrow.content().order();
        List<DomainEventMessage<?>> events = new ArrayList<>(narrow.events());
        ExtractIssued issued = new ExtractIssued(FILE, narrow.content().extractId(), JUDGE.userId(), COURT,
                narrowOrder.orderReference(), narrowOrder.categories(), narrowOrder.periodFrom(), narrowOrder.periodTo(),
                narrowOrder.purpose(), "00".repeat(32));
        DomainEventMessage<?> event = new GenericDomainEventMessage<>("VictimFile", FILE.value(), events.size(), issued,
                Map.of("agencyId", COURT.value()), UUID.randomUUID().toString(), FIRST.plusSeconds(86_400 * 20));
        narrow.ledger().append(event.getIdentifier(), FILE.value(), event.getSequenceNumber(), ExtractIssued.class.getName(), "1",
                event.getTimestamp(), "file:" + FILE + ":1", Sha256.digest(("ciphertext of " + event.getIdentifier()).getBytes()));
        narrow.ledger().sign();
        events.add(event);
        ExtractOrder wideOrder = order(List.of(narrow.content().extractId()), wideCategories);
        WithEarlier partial = new WithEarlier(narrow, events, wideOrder, null);
        return new WithEarlier(narrow, events, wideOrder, make(wideOrder, narrow.ledger(), events, partial::reveal));
    }

    /** Writes {@code narrow.zip}, {@code wide.zip} (whose order names the narrow one) and {@code ca.pem}; returns the two bundles. */
    public static List<Path> writeNarrowThenWide(Path directory) {
        WithEarlier made = makeWithEarlier(new DataCategory[] {DataCategory.CASE_ADMIN, DataCategory.LEGAL},
                new DataCategory[] {DataCategory.CASE_ADMIN, DataCategory.LEGAL, DataCategory.IDENTITY, DataCategory.HEALTH});
        try {
            Files.createDirectories(directory);
            Files.write(directory.resolve("ca.pem"), made.narrow().file(BundleFiles.CA));
            return List.of(Files.write(directory.resolve("narrow.zip"), made.narrow().bundle().zip()),
                    Files.write(directory.resolve("wide.zip"), made.wide().bundle().zip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a genuine bundle as {@code bundle.zip} and its trust anchor as {@code ca.pem}; returns the bundle. */
    public static Path writeGenuine(Path directory) {
        Made made = make();
        try {
            Files.write(directory.resolve("ca.pem"), made.file(BundleFiles.CA));
            return Files.write(directory.resolve("bundle.zip"), made.bundle().zip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the zip with one file's content replaced (or added), in the same order. */
    static byte[] replace(BundleAssembler.Bundle bundle, String name, byte[] content) {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(bundle.files());
        files.put(name, content);
        return Zips.write(files);
    }

    private static List<DomainEventMessage<?>> theFile() {
        Identity identity = new Identity("Identmarker Alpha", List.of(), LocalDate.of(2004, 5, 1), Sex.FEMALE, "Hmong", "VN",
                "Hmong", IdDocumentType.NONE, null, null, true);
        List<Object> payloads = List.of(
                new FileOpened(FILE, "LC-2026-3F2A9C1E", ReceptionChannel.SELF_REPORT, new AgencyId("LC-COMMUNE-BATXAT"), "LC",
                        LocalDate.of(2026, 3, 1)),
                new IdentityRecorded(FILE, identity),
                new CaseNoteAdded(FILE, NoteId.random(), DataCategory.LEGAL, "Legalmarker note: hearing on 12 May"),
                new LegalProceedingLinked(FILE, ProceedingId.random(), "Legalmarker court of Lao Cai", "45/2026/HS-ST",
                        ProceedingRole.CIVIL_PARTY, true, LocalDate.of(2026, 3, 5)),
                new CaseNoteAdded(FILE, NoteId.random(), DataCategory.HEALTH, "Healthmarker note: clinic visit"),
                new WhereaboutsRecorded(FILE, new Whereabouts("Wheremarker Street 9", "LC", "Bat Xat", "Bat Xat", null, null,
                        "0912 000 111"), null, null));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            events.add(new GenericDomainEventMessage<>("VictimFile", FILE.value(), i, payloads.get(i),
                    Map.of("agencyId", "LC-COMMUNE-BATXAT"), UUID.randomUUID().toString(), FIRST.plusSeconds(3600L * i)));
        }
        return events;
    }

    private static void otherEvent(InMemoryLedger ledger) {
        String other = UUID.randomUUID().toString();
        ledger.append(other, null, 0, "org.vrs.access.api.FileRead", "1", FIRST, "service:1", Sha256.digest(other.getBytes()));
    }

    static SortedSet<DataCategory> categories(DataCategory... categories) {
        return new TreeSet<>(List.of(categories));
    }
}
