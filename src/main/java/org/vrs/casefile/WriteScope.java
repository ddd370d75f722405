package org.vrs.casefile;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.ConsentId;
import org.vrs.casefile.api.ReferralId;

/**
 * Which agencies may change the file: the owner (the receiving agency), the agency asked to verify,
 * and the recipients of referrals in force. The same facts scope reads, in the views.
 */
final class WriteScope {
    /** {@code consent} is set when the referral rests on consent alone (no legal basis). */
    private record Grant(AgencyId agency, LocalDate expiresOn, ConsentId consent) {
    }

    private AgencyId owner;
    private AgencyId verifier;
    private final Map<ReferralId, Grant> referrals = new HashMap<>();
    private final Set<ConsentId> withdrawn = new HashSet<>();
    private final Map<ConsentId, LocalDate> consentExpiry = new HashMap<>();

    void owner(AgencyId agency) {
        owner = agency;
    }

    void verifier(AgencyId agency) {
        verifier = agency;
    }

    void consented(ConsentId consent, LocalDate expiresOn) {
        if (expiresOn != null) {
            consentExpiry.put(consent, expiresOn);
        }
    }

    void referred(ReferralId id, AgencyId agency, LocalDate expiresOn, ConsentId consent, boolean legalBasis) {
        referrals.put(id, new Grant(agency, expiresOn, legalBasis ? null : consent));
    }

    void ended(ReferralId id) {
        referrals.remove(id);
    }

    void withdrawn(ConsentId consent) {
        withdrawn.add(consent);
    }

    boolean allows(AgencyId agency, LocalDate today) {
        if (agency.equals(owner) || agency.equals(verifier)) {
            return true;
        }
        return referrals.values().stream().anyMatch(g -> g.agency().equals(agency) && !today.isAfter(g.expiresOn())
                && (g.consent() == null || !withdrawn.contains(g.consent()) && !expired(g.consent(), today)));
    }

    private boolean expired(ConsentId consent, LocalDate today) {
        LocalDate expiry = consentExpiry.get(consent);
        return expiry != null && today.isAfter(expiry);
    }
}
