package org.vrs.extract;

import java.util.Objects;

/** The outcome of one check: {@code failure} is set exactly when the status is {@link Status#FAIL}. */
public record CheckResult(BundleCheck check, Status status, String detail, BundleFailure failure) {

    public enum Status { PASS, WARN, SKIPPED, FAIL }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        if ((status == Status.FAIL) != (failure != null)) {
            throw new IllegalArgumentException("a failure goes with FAIL and only with FAIL");
        }
    }

    static CheckResult pass(BundleCheck check, String detail) {
        return new CheckResult(check, Status.PASS, detail, null);
    }

    static CheckResult warn(BundleCheck check, String detail) {
        return new CheckResult(check, Status.WARN, detail, null);
    }

    static CheckResult skipped(BundleCheck check, String why) {
        return new CheckResult(check, Status.SKIPPED, why, null);
    }

    static CheckResult fail(BundleCheck check, BundleFailure failure) {
        return new CheckResult(check, Status.FAIL, failure.message(), failure);
    }

    /** One report line: {@code [PASS] title: detail}. */
    public String line() {
        return "[" + status + "] " + check.title() + ": " + detail;
    }
}
