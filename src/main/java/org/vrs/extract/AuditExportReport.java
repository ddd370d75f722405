package org.vrs.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of each check of an audit-trail bundle; verified only if none failed. */
public record AuditExportReport(List<Result> results) {

    /** The checks {@code verify-audit-export} runs, in the order it reports them. */
    public enum Check {
        STRUCTURE("bundle structure"),
        TRUST_ANCHOR("trust anchor"),
        CANONICAL_FORM("trail.json in RFC 8785 canonical form"),
        CMS_SIGNATURE("CMS signature over trail.json and its certificate chain"),
        CHECKPOINT_SIGNATURE("Ed25519 signature of checkpoint.txt"),
        CHECKPOINT_BINDING("trail.json names checkpoint.txt and ledger-public.pem"),
        EVENTS_IN_PERIOD("every event lies in the requested period, once"),
        INCLUSION_PROOFS("leaves and inclusion proofs"),
        CONSISTENCY_PROOF("consistency with the earlier checkpoint");

        private final String title;

        Check(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public enum Status { PASS, WARN, SKIPPED, FAIL }

    public record Result(Check check, Status status, String detail) {
        public Result {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(status, "status");
        }

        public String line() {
            return "[" + status + "] " + check.title() + ": " + detail;
        }
    }

    public AuditExportReport {
        results = List.copyOf(results);
    }

    public boolean verified() {
        return results.stream().noneMatch(r -> r.status() == Status.FAIL);
    }

    public Optional<Result> result(Check check) {
        return results.stream().filter(r -> r.check() == check).findFirst();
    }

    public List<Check> failed() {
        return results.stream().filter(r -> r.status() == Status.FAIL).map(Result::check).toList();
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>(results.stream().map(Result::line).toList());
        int failed = failed().size();
        lines.add(verified() ? "RESULT: VERIFIED" : "RESULT: NOT VERIFIED (" + failed + " check" + (failed == 1 ? "" : "s")
                + " failed): do not rely on this audit trail");
        return lines;
    }
}
