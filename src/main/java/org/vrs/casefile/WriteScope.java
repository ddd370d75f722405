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
    private record Grant(AgencyId agency, LocalDate expiresOn, ConsentId consent) {
    }

    private AgencyId owner;
    private AgencyId verifier;
    private final Map<ReferralId, Grant> referrals = new HashMap<>();
    private final Set<ConsentId> withdrawn = new HashSet<>();

    void owner(AgencyId agency) {
        owner = agency;
    }

    void verifier(AgencyId agency) {
        verifier = agency;
    }

    void referred(ReferralId id, AgencyId agency, LocalDate expiresOn, ConsentId consent) {
        referrals.put(id, new Grant(agency, expiresOn, consent));
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
                && (g.consent() == null || !withdrawn.contains(g.consent())));
    }
}
