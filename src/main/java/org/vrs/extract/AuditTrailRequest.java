package org.vrs.extract;

import java.time.Instant;
import java.util.Objects;

/**
 * What an auditor asked to export: the events stored in {@code [from, to)}, of one province's files
 * or (province null) of the whole store, for a stated purpose under the auditor's own reference.
 */
public record AuditTrailRequest(Instant from, Instant to, String province, String purpose, String reference) {

    public AuditTrailRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reference, "reference");
    }
}
