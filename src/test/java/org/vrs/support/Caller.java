package org.vrs.support;

import java.net.http.HttpRequest;

/** Who a test request acts as: a user of an agency in a role. */
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

    void sign(HttpRequest.Builder request) {
        if (purpose != null) {
            request.header("X-VRS-Purpose", purpose);
        }
        request.header("X-VRS-Dev-User", user).header("X-VRS-Dev-Agency", agency).header("X-VRS-Dev-Role", role);
    }
}
