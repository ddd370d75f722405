package org.vrs.extract;

import java.util.List;
import java.util.Optional;

/** Every check's outcome; the bundle is verified only if none failed (warnings and skipped checks do not fail it). */
public record VerificationReport(List<CheckResult> results) {

    public VerificationReport {
        results = List.copyOf(results);
    }

    public boolean verified() {
        return results.stream().noneMatch(r -> r.status() == CheckResult.Status.FAIL);
    }

    public Optional<CheckResult> result(BundleCheck check) {
        return results.stream().filter(r -> r.check() == check).findFirst();
    }

    /** The failure of a check, if it failed. */
    public Optional<BundleFailure> failure(BundleCheck check) {
        return result(check).map(CheckResult::failure);
    }

    public List<String> lines() {
        List<String> lines = new java.util.ArrayList<>(results.stream().map(CheckResult::line).toList());
        long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAIL).count();
        lines.add(verified() ? "RESULT: VERIFIED" : "RESULT: NOT VERIFIED (" + failed + " check" + (failed == 1 ? "" : "s")
                + " failed): do not rely on this extract");
        return lines;
    }
}
