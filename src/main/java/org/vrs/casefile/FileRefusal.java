package org.vrs.casefile;

import java.time.LocalDate;
import java.util.Set;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.SupportRegime;
import org.vrs.casefile.api.VictimStatus;

/**
 * A command the file refused, with the facts that decided it. Messages carry identifiers, enums
 * and dates only: never a value of a personal-data field, since they reach logs and HTTP bodies.
 */
public abstract sealed class FileRefusal extends RuntimeException {

    /** How a caller should read the refusal: the web layer maps each to one HTTP status. */
    public enum Kind { NOT_FOUND, CONFLICT, RULE, FORBIDDEN }

    private final Kind kind;

    FileRefusal(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** A stable, machine-readable name of the rule that refused. */
    public abstract String code();

    public static final class FileClosed extends FileRefusal {
        FileClosed(FileId file) {
            super(Kind.CONFLICT, "file " + file + " is closed: only reopening is allowed");
        }

        public String code() {
            return "file-closed";
        }
    }

    public static final class FileShredded extends FileRefusal {
        FileShredded(FileId file) {
            super(Kind.CONFLICT, "file " + file + " was erased (its keys are shredded): no further command is accepted");
        }

        public String code() {
            return "file-shredded";
        }
    }

    public static final class OutOfScope extends FileRefusal {
        OutOfScope(String agency, String why) {
            super(Kind.FORBIDDEN, "agency " + agency + " " + why);
        }

        public String code() {
            return "out-of-scope";
        }
    }

    public static final class UnknownAgency extends FileRefusal {
        UnknownAgency(Object agency, LocalDate on) {
            super(Kind.RULE, "agency " + agency + " is not in the agency registry or not active on " + on);
        }

        public String code() {
            return "unknown-agency";
        }
    }

    public static final class WrongState extends FileRefusal {
        WrongState(String subject, String state, String expected) {
            super(Kind.CONFLICT, subject + " is " + state + "; this needs " + expected);
        }

        public String code() {
            return "wrong-state";
        }
    }

    public static final class UnknownEntry extends FileRefusal {
        UnknownEntry(String kind, Object id) {
            super(Kind.NOT_FOUND, "no " + kind + " " + id + " on this file");
        }

        public String code() {
            return "unknown-entry";
        }
    }

    public static final class DuplicateEntry extends FileRefusal {
        DuplicateEntry(String kind, Object id) {
            super(Kind.CONFLICT, kind + " " + id + " already exists on this file");
        }

        public String code() {
            return "duplicate-entry";
        }
    }

    public static final class InvalidCorrection extends FileRefusal {
        InvalidCorrection(long sequence, String expected) {
            super(Kind.RULE, "sequence " + sequence + " is not " + expected + " of this file, so it cannot be corrected by this command");
        }

        public String code() {
            return "invalid-correction";
        }
    }

    public static final class SupportNotEntitled extends FileRefusal {
        private final SupportRegime regime;
        private final VictimStatus status;

        SupportNotEntitled(SupportRegime regime, VictimStatus status, String legalReason) {
            super(Kind.RULE, "support regime " + regime + " (Art. 37(" + regime.clause() + ")) is not available to a person with status "
                    + status + ": " + legalReason);
            this.regime = regime;
            this.status = status;
        }

        public SupportRegime regime() {
            return regime;
        }

        public VictimStatus status() {
            return status;
        }

        public String code() {
            return "support-not-entitled";
        }
    }

    public static final class LateApplication extends FileRefusal {
        LateApplication(LocalDate requestedOn, LocalDate windowClosedOn) {
            super(Kind.RULE, "support applied for on " + requestedOn + ", after the application window closed on " + windowClosedOn
                    + ": a late-application reason is required");
        }

        public String code() {
            return "late-application-needs-reason";
        }
    }

    public static final class AmountExceeds extends FileRefusal {
        AmountExceeds(String what, long amount, long remaining) {
            super(Kind.RULE, what + " of " + amount + " VND exceeds the " + remaining + " VND remaining");
        }

        public String code() {
            return "amount-exceeds";
        }
    }

    public static final class BeyondConsent extends FileRefusal {
        private final Set<DataCategory> uncovered;

        BeyondConsent(Set<DataCategory> uncovered) {
            super(Kind.RULE, "the referral shares " + uncovered + " beyond the victim's consent: a legal basis must be stated");
            this.uncovered = java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(uncovered));
        }

        public Set<DataCategory> uncovered() {
            return uncovered;
        }

        public String code() {
            return "beyond-consent";
        }
    }

    public static final class Missing extends FileRefusal {
        Missing(String field, String because) {
            super(Kind.RULE, field + " is required " + because);
        }

        public String code() {
            return "missing-field";
        }
    }

    public static final class DateOrder extends FileRefusal {
        DateOrder(String later, LocalDate laterDate, String earlier, LocalDate earlierDate) {
            super(Kind.RULE, later + " (" + laterDate + ") must not be before " + earlier + " (" + earlierDate + ")");
        }

        public String code() {
            return "date-order";
        }
    }
}
