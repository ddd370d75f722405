package org.vrs.access;

import java.util.Map;
import org.vrs.casefile.api.DataCategory;

/** The outcome of asking whether an actor may read a file, and how much of it. */
public sealed interface AccessDecision {

    /** Why the reader may see the file. */
    enum Basis { OWNER, REFERRAL, VERIFICATION, AUDIT, BREAK_GLASS }

    record Granted(Basis basis, Map<DataCategory, Disclosure> disclosure, String breakGlassReason) implements AccessDecision {
    }

    /** Refused; the reason names the rule, never file content. */
    record Refused(String reason) implements AccessDecision {
    }
}
