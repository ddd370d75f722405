package org.vrs.extract;

import org.vrs.access.Role;

/**
 * Why no extract was issued, with the facts that decided it. Messages carry identifiers and
 * roles only, never order text or file content; the web layer maps each {@link Kind} to one status.
 */
public abstract sealed class ExtractRefusal extends RuntimeException {

    /** How a caller should read the refusal. */
    public enum Kind { FORBIDDEN, NOT_FOUND, INVALID, CONFLICT, UNAVAILABLE, INTEGRITY }

    private final Kind kind;

    ExtractRefusal(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, machine-readable name of the reason. */
    public abstract String code();

    /** Only courts and procuracies receive certified extracts. */
    public static final class RoleNotAllowed extends ExtractRefusal {
        private final Role role;

        RoleNotAllowed(Role role) {
            super(Kind.FORBIDDEN, "role " + role + " may not order certified extracts: only COURT and PROCURATOR may");
            this.role = role;
        }

        public Role role() {
            return role;
        }

        public String code() {
            return "forbidden";
        }
    }

    /** A requester carries out orders of their own agency only. */
    public static final class NotTheIssuingCourt extends ExtractRefusal {
        NotTheIssuingCourt(String requesterAgency, String issuingCourt) {
            super(Kind.FORBIDDEN, "agency " + requesterAgency + " may carry out only its own orders, not those of " + issuingCourt);
        }

        public String code() {
            return "not-the-issuing-court";
        }
    }

    /** Unknown file, or a file outside the requester's jurisdiction: the two answers look alike on purpose. */
    public static final class NotInScope extends ExtractRefusal {
        NotInScope(String fileId) {
            super(Kind.NOT_FOUND, "no file " + fileId + " in your jurisdiction");
        }

        public String code() {
            return "not-in-scope";
        }
    }

    /** The order names an earlier extract that was not issued from this file. */
    public static final class UnknownEarlierExtract extends ExtractRefusal {
        UnknownEarlierExtract(String fileId, String extractId) {
            super(Kind.INVALID, "earlierExtracts: file " + fileId + " has no extract " + extractId
                    + " (name only extracts issued from the same file)");
        }

        public String code() {
            return "unknown-earlier-extract";
        }
    }

    public static final class FileErased extends ExtractRefusal {
        FileErased(String fileId) {
            super(Kind.CONFLICT, "file " + fileId + " was erased (its keys are shredded): its content cannot be extracted");
        }

        public String code() {
            return "file-shredded";
        }
    }

    /** No {@link LedgerAccess} bean: without proofs there is no certified extract. */
    public static final class LedgerUnavailable extends ExtractRefusal {
        LedgerUnavailable() {
            super(Kind.UNAVAILABLE, "the ledger is not available: certified extracts cannot be issued");
        }

        public String code() {
            return "ledger-unavailable";
        }
    }

    /** The ledger has not yet assigned (or not yet signed) a leaf for an event in scope; retry shortly. */
    public static final class NotYetInLedger extends ExtractRefusal {
        private final String eventId;

        NotYetInLedger(String eventId) {
            super(Kind.UNAVAILABLE, "event " + eventId + " is not yet under a signed checkpoint of the ledger: retry in a few seconds");
            this.eventId = eventId;
        }

        public String eventId() {
            return eventId;
        }

        public String code() {
            return "not-yet-in-ledger";
        }
    }

    /** The ledger's leaf or proof for an event does not match the stored event: an integrity alarm. */
    public static final class LedgerInconsistent extends ExtractRefusal {
        private final String eventId;

        LedgerInconsistent(String eventId, String what) {
            super(Kind.INTEGRITY, "the ledger's record of event " + eventId + " does not match the event store: " + what);
            this.eventId = eventId;
        }

        public String eventId() {
            return eventId;
        }

        public String code() {
            return "ledger-inconsistent";
        }
    }

    public static final class TimeStampUnavailable extends ExtractRefusal {
        TimeStampUnavailable(TimeStampFailure failure) {
            super(Kind.UNAVAILABLE, "the time-stamping authority did not stamp the checkpoint: " + failure);
        }

        public String code() {
            return "time-stamp-unavailable";
        }
    }
}
