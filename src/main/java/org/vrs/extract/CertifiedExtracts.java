package org.vrs.extract;

import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrs.access.AccessLog;
import org.vrs.access.Actor;
import org.vrs.access.CommandPolicy;
import org.vrs.access.FileAccessPolicy;
import org.vrs.access.FileScope;
import org.vrs.casefile.FileRefusal;
import org.vrs.casefile.api.ExtractId;
import org.vrs.casefile.api.IssueExtract;
import org.vrs.casefile.api.ShreddedPayload;
import org.vrs.extract.ExtractRefusal.FileErased;
import org.vrs.extract.ExtractRefusal.NotInScope;
import org.vrs.extract.ExtractRefusal.NotTheIssuingCourt;
import org.vrs.extract.ExtractRefusal.RoleNotAllowed;
import org.vrs.views.FileQueries;

/**
 * Issues certified extracts on court and procuracy orders. Decides first (role, own order,
 * jurisdiction; every refusal is recorded as an access refusal), then selects what the order
 * covers, gathers and checks the ledger's proofs, assembles and signs the bundle, and records
 * its issue as an {@code ExtractIssued} event on the file carrying the bundle's SHA-256. The
 * bundle leaves only once that event is stored.
 */
public class CertifiedExtracts {

    /** How extract refusals are labelled in the access log. */
    public static final String ACCESS_PATH = "EXTRACT";
    public static final String ACCESS_PURPOSE = "certified-extract";

    private static final Logger LOG = LoggerFactory.getLogger(CertifiedExtracts.class);

    private final FileQueries queries;
    private final AccessLog accessLog;
    private final CommandGateway commands;
    private final LedgerAccess ledger;
    private final SaltSeeds seeds;
    private final BundleAssembler assembler;
    private final Clock clock;

    CertifiedExtracts(FileQueries queries, AccessLog accessLog, CommandGateway commands, LedgerAccess ledger,
                      SaltSeeds seeds, BundleAssembler assembler, Clock clock) {
        this.queries = queries;
        this.accessLog = accessLog;
        this.commands = commands;
        this.ledger = ledger;
        this.seeds = seeds;
        this.assembler = assembler;
        this.clock = clock;
    }

    public IssuedExtract issue(Actor actor, ExtractOrder order) {
        FileScope scope = authorise(actor, order);
        if (scope.shredded()) {
            throw new FileErased(order.fileId().value());
        }
        ExtractId extractId = ExtractId.random();
        FieldSalts salts = FieldSalts.fresh();
        List<? extends DomainEventMessage<?>> fileEvents = queries.events(order.fileId().value()).toList();
        List<ScopedEvent> events = ExtractScope.select(fileEvents.stream(), order, clock.getZone(), salts);
        if (events.stream().anyMatch(e -> e.event().getPayload() instanceof ShreddedPayload)) {
            throw new FileErased(order.fileId().value());
        }
        List<RevealedSalt> reveals = EarlierExtracts.reveal(order, fileEvents, events, clock.getZone(),
                earlier -> seeds.find(order.fileId(), earlier));
        LedgerEvidence evidence = LedgerEvidenceCollector.collect(ledger, events);
        ExtractContent content = new ExtractContent(extractId, clock.instant(), actor, order, clock.getZone(), events, evidence,
                reveals);
        byte[] zip = assembler.assemble(content).zip();
        // Stored before the event: a failed command leaves an unused seed, never an issued extract without one.
        seeds.store(order.fileId(), extractId, salts);
        String sha256 = ExtractJson.sha256Hex(zip);
        long sequence = record(actor, order, extractId, sha256);
        LOG.info("Certified extract {} of file {} issued to {} of {}: {} events, {} salts of earlier extracts revealed, bundle SHA-256 {}",
                extractId, order.fileId(), actor.userId(), actor.agency(), events.size(), reveals.size(), sha256);
        return new IssuedExtract(extractId, zip, sha256, sequence);
    }

    private FileScope authorise(Actor actor, ExtractOrder order) {
        String fileId = order.fileId().value();
        if (!CommandPolicy.allows(actor.role(), IssueExtract.class)) {
            throw refused(actor, fileId, new RoleNotAllowed(actor.role()));
        }
        if (!order.issuingCourt().equals(actor.agency())) {
            throw refused(actor, fileId, new NotTheIssuingCourt(actor.agency().value(), order.issuingCourt().value()));
        }
        return queries.scope(fileId)
                .filter(scope -> FileAccessPolicy.NATIONAL.equals(actor.province()) || scope.province().equals(actor.province()))
                .orElseThrow(() -> refused(actor, fileId, new NotInScope(fileId)));
    }

    private long record(Actor actor, ExtractOrder order, ExtractId extractId, String sha256) {
        IssueExtract command = new IssueExtract(order.fileId(), extractId, actor.userId(), order.issuingCourt(),
                order.orderReference(), order.categories(), order.periodFrom(), order.periodTo(), order.purpose(), sha256);
        try {
            Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(actor.metadata(null)));
            return result instanceof Long sequence ? sequence : -1L;
        } catch (RuntimeException e) {
            if (cause(e) instanceof FileRefusal refusal && refusal.kind() == FileRefusal.Kind.FORBIDDEN) {
                accessLog.refused(actor, order.fileId().value(), ACCESS_PATH, ACCESS_PURPOSE, refusal.getMessage());
            }
            throw e;
        }
    }

    private <R extends ExtractRefusal> R refused(Actor actor, String fileId, R refusal) {
        accessLog.refused(actor, fileId, ACCESS_PATH, ACCESS_PURPOSE, refusal.getMessage());
        return refusal;
    }

    private static Throwable cause(RuntimeException e) {
        return e instanceof org.axonframework.commandhandling.CommandExecutionException && e.getCause() != null ? e.getCause() : e;
    }
}
