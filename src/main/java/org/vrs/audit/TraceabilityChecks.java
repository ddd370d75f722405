package org.vrs.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import org.vrs.access.api.FileRead;
import org.vrs.casefile.RuleBook;
import org.vrs.casefile.api.*;
import org.vrs.ledger.LedgerQueries;
import org.vrs.views.OverdueDeadlines;

/**
 * Checks an auditor runs over the whole store (or one province, and a period): each finding names
 * the event that proves it by its global position in the store and its ledger leaf index, so it can
 * be checked against the ledger. Reads every event once, in order, through the same decryption as
 * everything else; the overdue-deadline check then replays each file in scope through the file view.
 */
@Service
public class TraceabilityChecks {
    private static final int LEAVES_PER_QUERY = 5_000;

    private final EventStore events;
    private final RuleBook rules;
    private final LedgerQueries ledger;
    private final Clock clock;

    TraceabilityChecks(EventStore events, RuleBook rules, LedgerQueries ledger, Clock clock) {
        this.events = events;
        this.rules = rules;
        this.ledger = ledger;
        this.clock = clock;
    }

    public enum Check {
        DELIVERY_WITHOUT_GRANT, GRANT_WITHOUT_ENTITLEMENT, REFERRAL_BEYOND_CONSENT, BREAK_GLASS_READ, ACTOR_WITHOUT_GRANT, OVERDUE_DEADLINE
    }

    /**
     * {@code leafIndex} is null while the ledger has not integrated the event yet; {@code at} is the
     * time the proving event was stored, which the period filter applies to.
     */
    public record Finding(Check check, String fileId, long sequence, String eventId, long position, Long leafIndex, Instant at,
                          String detail) {
        Finding withLeaf(Long leaf) {
            return new Finding(check, fileId, sequence, eventId, position, leaf, at, detail);
        }
    }

    /** The store (or a province) over a period; {@code from} inclusive, {@code to} exclusive, either may be null. */
    public record Scope(String province, Instant from, Instant to) {
        public static final Scope ALL = new Scope(null, null, null);

        boolean covers(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    public record Report(long eventsRead, List<Finding> findings) {
    }

    /** Every file's history is followed with only the state the checks need. */
    private static final class FileTrail {
        String province;
        long[] positions = new long[0]; // store position of each of the file's events, by sequence
        long lastSequence = -1;
        VictimStatus status = VictimStatus.UNDER_IDENTIFICATION;
        final Set<String> agencies = new HashSet<>();
        final Set<SupportId> granted = new HashSet<>();
        final Map<SupportId, SupportRegime> requested = new HashMap<>();
        final Map<ConsentId, Set<DataCategory>> consents = new HashMap<>();

        void remember(long sequence, long position) {
            lastSequence = Math.max(lastSequence, sequence);
            if (sequence >= Integer.MAX_VALUE - 8) {
                return;
            }
            if (sequence >= positions.length) {
                long[] grown = Arrays.copyOf(positions, Math.max(positions.length * 2, (int) sequence + 1));
                Arrays.fill(grown, positions.length, grown.length, -1);
                positions = grown;
            }
            positions[(int) sequence] = position;
        }
    }

    /** {@code province} null means the whole store; progress receives the count of events read so far. */
    public Report run(String province, LongConsumer progress) {
        return runIn(new Scope(province, null, null), progress);
    }

    public Report runIn(Scope scope, LongConsumer progress) {
        String province = scope.province();
        Map<String, FileTrail> trails = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        long head = position(events.createHeadToken());
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (head >= 0 && stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read++;
                if (read % 10_000 == 0) {
                    progress.accept(read);
                }
                check(event, trails, findings, province);
                if (position(event.trackingToken()) >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.accept(read);
        overdueDeadlines(trails, findings, province);
        List<Finding> inPeriod = findings.stream().filter(f -> scope.covers(f.at())).toList();
        return new Report(read, withLeaves(inPeriod));
    }

    /** Replays each file in scope up to the last event the pass saw: deadlines are a property of the whole history. */
    private void overdueDeadlines(Map<String, FileTrail> trails, List<Finding> findings, String province) {
        LocalDate today = LocalDate.now(clock);
        List<Finding> overdue = new ArrayList<>();
        trails.forEach((fileId, trail) -> {
            if (trail.province == null || province != null && !province.equals(trail.province)) {
                return;
            }
            List<DomainEventMessage<?>> history = new ArrayList<>();
            events.readEvents(fileId).asStream().takeWhile(e -> e.getSequenceNumber() <= trail.lastSequence).forEach(history::add);
            for (OverdueDeadlines.Overdue o : OverdueDeadlines.of(fileId, history, rules, today)) {
                long position = o.sequence() < trail.positions.length ? trail.positions[(int) o.sequence()] : -1;
                overdue.add(new Finding(Check.OVERDUE_DEADLINE, fileId, o.sequence(), o.eventId(), position, null, o.at(),
                        o.kind() + " deadline (" + o.ref() + ") due on " + o.dueOn() + " passed without the event that meets it"));
            }
        });
        overdue.sort(java.util.Comparator.comparingLong(Finding::position).thenComparing(Finding::detail)); // store order, as the others
        findings.addAll(overdue);
    }

    private List<Finding> withLeaves(List<Finding> findings) {
        List<String> ids = findings.stream().map(Finding::eventId).distinct().toList();
        Map<String, Long> leaves = new HashMap<>();
        for (int i = 0; i < ids.size(); i += LEAVES_PER_QUERY) {
            Collection<String> chunk = ids.subList(i, Math.min(ids.size(), i + LEAVES_PER_QUERY));
            ledger.leavesOf(chunk).forEach((id, leaf) -> leaves.put(id, leaf.index().value()));
        }
        return findings.stream().map(f -> f.withLeaf(leaves.get(f.eventId()))).toList();
    }

    private void check(TrackedEventMessage<?> event, Map<String, FileTrail> trails, List<Finding> findings, String province) {
        Object payload = event.getPayload();
        if (payload instanceof FileRead r && "BREAK_GLASS".equals(r.basis())) {
            FileTrail trail = trails.get(r.fileId());
            if (province == null || trail != null && province.equals(trail.province)) {
                findings.add(new Finding(Check.BREAK_GLASS_READ, r.fileId(), -1, event.getIdentifier(), position(event.trackingToken()),
                        null, event.getTimestamp(), "user " + r.actorId() + " of " + r.agencyId() + " read beyond scope under break-glass"));
            }
            return;
        }
        if (!(event instanceof DomainEventMessage<?> domain) || domain.getType() == null) {
            return;
        }
        FileTrail trail = trails.computeIfAbsent(domain.getAggregateIdentifier(), k -> new FileTrail());
        trail.remember(domain.getSequenceNumber(), position(event.trackingToken()));
        List<Finding> found = new ArrayList<>();
        String actingAgency = (String) event.getMetaData().get("agencyId");
        if (payload instanceof FileOpened o) {
            trail.province = o.province();
            trail.agencies.add(o.receivingAgency().value());
        } else if (actingAgency != null && !trail.agencies.contains(actingAgency) && !(payload instanceof ShreddedPayload)
                && !(payload instanceof ExtractIssued) && !"DATA_PROTECTION_OFFICER".equals(event.getMetaData().get("role"))) {
            found.add(finding(Check.ACTOR_WITHOUT_GRANT, domain, "agency " + actingAgency + " acted without owning the file or a grant"));
        }
        if (payload instanceof VerificationRequested v) {
            trail.agencies.add(v.verifyingAgency().value());
        } else if (payload instanceof VerificationConcluded c) {
            trail.status = c.outcome() == VerificationOutcome.CONFIRMED ? VictimStatus.CONFIRMED_VICTIM : VictimStatus.NOT_CONFIRMED;
        } else if (payload instanceof ReferralMade r) {
            trail.agencies.add(r.recipientAgency().value());
            Set<DataCategory> covered = r.consentId() == null ? Set.of() : trail.consents.getOrDefault(r.consentId(), Set.of());
            Set<DataCategory> beyond = EnumSet.copyOf(r.categories());
            beyond.removeAll(covered);
            if (!beyond.isEmpty() && (r.legalBasis() == null || r.legalBasis().isBlank())) {
                found.add(finding(Check.REFERRAL_BEYOND_CONSENT, domain, "shared " + beyond + " with " + r.recipientAgency()
                        + " beyond consent and without a legal basis"));
            }
        } else if (payload instanceof ConsentGiven c) {
            trail.consents.put(c.consentId(), EnumSet.copyOf(c.categories()));
        } else if (payload instanceof SupportRequested q) {
            trail.requested.put(q.supportId(), q.regime());
        } else if (payload instanceof SupportGranted g) {
            trail.granted.add(g.supportId());
            SupportRegime regime = trail.requested.get(g.supportId());
            if (regime == null || !rules.on(g.decidedOn()).entitled(trail.status, regime)) {
                found.add(finding(Check.GRANT_WITHOUT_ENTITLEMENT, domain, "support " + g.supportId() + " granted under "
                        + regime + " to a person with status " + trail.status));
            }
        } else if (payload instanceof SupportDelivered d && !trail.granted.contains(d.supportId())) {
            found.add(finding(Check.DELIVERY_WITHOUT_GRANT, domain, "support " + d.supportId() + " delivered (" + d.amountVnd()
                    + " VND) without a grant"));
        }
        if (province == null || province.equals(trail.province)) {
            findings.addAll(found);
        }
    }

    private static Finding finding(Check check, DomainEventMessage<?> e, String detail) {
        return new Finding(check, e.getAggregateIdentifier(), e.getSequenceNumber(), e.getIdentifier(),
                e instanceof TrackedEventMessage<?> t ? position(t.trackingToken()) : -1, null, e.getTimestamp(), detail);
    }

    static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1L);
    }
}
