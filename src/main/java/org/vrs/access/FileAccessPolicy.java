package org.vrs.access;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.vrs.casefile.api.DataCategory;

/**
 * Deny by default: a reader sees a file only within their jurisdiction, when their agency owns it
 * or holds a grant in force (a referral narrows the policy to the categories it shares), or as an
 * auditor. Break-glass widens scope, never the role's policy, and is always recorded.
 */
public final class FileAccessPolicy {
    public static final String NATIONAL = "*";
    private static final int MIN_BREAK_GLASS_REASON = 20;

    private final RedactionPolicy policy;

    public FileAccessPolicy(RedactionPolicy policy) {
        this.policy = policy;
    }

    public String policyVersion() {
        return policy.version();
    }

    public AccessDecision decide(Actor actor, FileScope file, LocalDate today, String breakGlassReason) {
        Optional<Map<DataCategory, Disclosure>> row = policy.forRole(actor.role());
        if (row.isEmpty()) {
            return new AccessDecision.Refused("role " + actor.role() + " reads no file");
        }
        if (!NATIONAL.equals(actor.province()) && !file.province().equals(actor.province())) {
            return breakGlass(row.get(), breakGlassReason, "file is outside the reader's jurisdiction");
        }
        if (actor.role() == Role.AUDITOR) {
            return new AccessDecision.Granted(AccessDecision.Basis.AUDIT, row.get(), null);
        }
        if (file.owner().equals(actor.agency())) {
            return new AccessDecision.Granted(AccessDecision.Basis.OWNER, row.get(), null);
        }
        // several grants in force (a verification request and a referral, say) share the union of their categories
        java.util.Set<DataCategory> shared = java.util.EnumSet.of(DataCategory.CASE_ADMIN);
        AccessDecision.Basis basis = null;
        for (FileScope.Grant grant : file.grants()) {
            if (grant.inForce(actor.agency(), today)) {
                shared.addAll(grant.categories());
                basis = basis == AccessDecision.Basis.REFERRAL || "REFERRAL".equals(grant.basis())
                        ? AccessDecision.Basis.REFERRAL : AccessDecision.Basis.VERIFICATION;
            }
        }
        if (basis != null) {
            Map<DataCategory, Disclosure> narrowed = new EnumMap<>(row.get());
            narrowed.replaceAll((category, level) -> shared.contains(category) ? level : Disclosure.HIDDEN);
            return new AccessDecision.Granted(basis, narrowed, null);
        }
        return breakGlass(row.get(), breakGlassReason, "the reader's agency neither owns the file nor holds a grant in force");
    }

    private static AccessDecision breakGlass(Map<DataCategory, Disclosure> row, String reason, String refusal) {
        if (reason != null && reason.strip().length() >= MIN_BREAK_GLASS_REASON) {
            return new AccessDecision.Granted(AccessDecision.Basis.BREAK_GLASS, row, reason.strip());
        }
        return new AccessDecision.Refused(refusal);
    }
}
