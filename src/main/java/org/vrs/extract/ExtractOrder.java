package org.vrs.extract;

import java.time.LocalDate;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;

/**
 * A court's or procuracy's order for a certified extract: which file, which data categories,
 * which period (calendar days in Vietnam, both inclusive), on whose order and for what purpose.
 * Refusals name the field, never the value sent.
 */
public record ExtractOrder(String orderReference, AgencyId issuingCourt, FileId fileId, SortedSet<DataCategory> categories,
                           LocalDate periodFrom, LocalDate periodTo, String purpose) {

    static final int MAX_REFERENCE = 200;
    static final int MAX_PURPOSE = 500;

    public ExtractOrder {
        orderReference = text("orderReference", orderReference, MAX_REFERENCE);
        purpose = text("purpose", purpose, MAX_PURPOSE);
        if (issuingCourt == null || fileId == null || periodFrom == null || periodTo == null) {
            throw new IllegalArgumentException("issuingCourt, fileId, periodFrom and periodTo are required");
        }
        if (categories == null || categories.isEmpty() || categories.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("categories must name at least one data category");
        }
        if (periodTo.isBefore(periodFrom)) {
            throw new IllegalArgumentException("periodTo must not be before periodFrom");
        }
        categories = Collections.unmodifiableSortedSet(new TreeSet<>(categories));
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(periodFrom) && !day.isAfter(periodTo);
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters without control characters");
        }
        return value.strip();
    }
}
