package org.vrs.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.DataCategory;

/** What decides who may read a file: its owner, its province, and the grants to other agencies. */
public record FileScope(String fileId, AgencyId owner, String province, List<Grant> grants, boolean shredded) {

    /** A referral or verification request: which agency, on what basis, which categories, until when. */
    public record Grant(AgencyId agency, String basis, Set<DataCategory> categories, LocalDate expiresOn, boolean live) {

        boolean inForce(AgencyId reader, LocalDate today) {
            return live && agency.equals(reader) && (expiresOn == null || !today.isAfter(expiresOn));
        }
    }
}
