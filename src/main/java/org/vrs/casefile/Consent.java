package org.vrs.casefile;

import java.time.LocalDate;
import java.util.Set;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.ConsentId;
import org.vrs.casefile.api.DataCategory;

/** What a consent allows, as far as the file's rules need to know. */
record Consent(Set<DataCategory> categories, AgencyId recipient, LocalDate expiresOn, boolean withdrawn) {

    Consent withdraw() {
        return new Consent(categories, recipient, expiresOn, true);
    }

    /** A referral resting on this consent alone may not run past it. */
    void requireLasts(ConsentId id, LocalDate referralExpiresOn) {
        if (expiresOn != null && referralExpiresOn.isAfter(expiresOn)) {
            throw new FileRefusal.WrongState("consent " + id, "expires on " + expiresOn,
                    "a referral ending by then, or a stated legal basis");
        }
    }

    /** A referral may rest on this consent only while it is in force and names the same recipient. */
    void requireCovers(ConsentId id, AgencyId referralRecipient, LocalDate on) {
        if (withdrawn) {
            throw new FileRefusal.WrongState("consent " + id, "withdrawn", "a consent in force");
        }
        if (expiresOn != null && on.isAfter(expiresOn)) {
            throw new FileRefusal.WrongState("consent " + id, "expired on " + expiresOn, "a consent in force");
        }
        if (!recipient.equals(referralRecipient)) {
            throw new FileRefusal.WrongState("consent " + id, "given to " + recipient, "a consent naming " + referralRecipient);
        }
    }
}
