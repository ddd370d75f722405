package org.vrs.support;

import java.net.http.HttpRequest;
import java.time.Duration;
import org.vrs.access.AgencyRegistry;
import org.vrs.access.DevelopmentTokens;
import org.vrs.access.Role;
import org.vrs.casefile.api.AgencyId;

/** Who a test request acts as: a user of an agency in a role, proven by a real bearer token, with an optional purpose. */
public record Caller(String user, String agency, String role, String purpose) {
    public static final Caller RECEPTION = new Caller("u-reception", "LC-COMMUNE-BATXAT", "RECEPTION_OFFICER", null);
    public static final Caller INVESTIGATOR = new Caller("u-police", "LC-POLICE", "INVESTIGATOR", null);
    public static final Caller CASEWORKER = new Caller("u-caseworker", "LC-HEALTH", "CASEWORKER", null);
    public static final Caller SHELTER = new Caller("u-shelter", "LC-SOCIAL-CENTRE", "SHELTER_STAFF", null);
    public static final Caller LEGAL_AID = new Caller("u-legal", "LC-LEGAL-AID", "LEGAL_AID", null);
    public static final Caller DPO = new Caller("u-dpo", "LC-HEALTH", "DATA_PROTECTION_OFFICER", null);

    public Caller withPurpose(String purposeCode) {
        return new Caller(user, agency, role, purposeCode);
    }

    /** A token from the service's own development issuer, with the agency's jurisdiction. */
    public String token(DevelopmentTokens tokens, AgencyRegistry agencies) {
        return tokens.issue(user, agencies.find(new AgencyId(agency)).orElseThrow(), Role.valueOf(role), Duration.ofMinutes(5));
    }

    void sign(HttpRequest.Builder request, DevelopmentTokens tokens, AgencyRegistry agencies) {
        if (purpose != null) {
            request.header("X-VRS-Purpose", purpose);
        }
        request.header("Authorization", "Bearer " + token(tokens, agencies));
    }
}
