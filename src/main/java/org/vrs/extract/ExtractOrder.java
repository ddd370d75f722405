package org.vrs.extract;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.ExtractId;
import org.vrs.casefile.api.ExtractIssued;
import org.vrs.casefile.api.FileId;

/**
 * A court's or procuracy's order for a certified extract: which file, which data categories,
 * which period (calendar days in Vietnam, both inclusive), on whose order and for what purpose.
 * {@code earlierExtracts} (optional) names extracts of the same file the court already holds: the
 * new extract then discloses the salts of the fields they withheld and it discloses, so the court
 * can prove both describe the same facts. Refusals name the field, never the value sent.
 */
public record ExtractOrder(String orderReference, AgencyId issuingCourt, FileId fileId, SortedSet<DataCategory> categories,
                           LocalDate periodFrom, LocalDate periodTo, String purpose, List<ExtractId> earlierExtracts) {

    static final int MAX_REFERENCE = 200;
    static final int MAX_PURPOSE = 500;
    static final int MAX_EARLIER_EXTRACTS = 20;

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
        earlierExtracts = earlierExtracts == null ? List.of() : earlierExtracts;
        if (earlierExtracts.size() > MAX_EARLIER_EXTRACTS || earlierExtracts.stream().anyMatch(Objects::isNull)
                || new HashSet<>(earlierExtracts).size() != earlierExtracts.size()) {
            throw new IllegalArgumentException("earlierExtracts must name at most " + MAX_EARLIER_EXTRACTS
                    + " different extract ids");
        }
        earlierExtracts = List.copyOf(earlierExtracts);
    }

    /** The order an earlier extract was issued on, as its {@code ExtractIssued} event records it. */
    static ExtractOrder of(ExtractIssued issued) {
        return new ExtractOrder(issued.orderReference(), issued.issuingCourt(), issued.fileId(), issued.categories(),
                issued.periodFrom(), issued.periodTo(), issued.purpose(), List.of());
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
