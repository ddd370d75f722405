package org.vrs.views;

import static org.vrs.casefile.api.DataCategory.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vrs.casefile.api.*;

/** The folds for consent, referral, support, shelter, family, legal and closing events. */
final class FileViewFolds2 {
    private FileViewFolds2() {
    }

    static void fold(FileView v, Object e) {
        if (e instanceof ProtectionMeasureApplied m) {
            v.entry(CONSENT_PROTECTION, "measures", "measureId", m.measureId()).put("measure", m.measure().name())
                    .put("protectedPerson", m.protectedPerson().name()).put("relative", str(m.relative()))
                    .put("reason", m.reason()).put("appliedOn", m.appliedOn().toString()).put("active", true);
        } else if (e instanceof ProtectionMeasureLifted m) {
            v.entry(CONSENT_PROTECTION, "measures", "measureId", m.measureId()).put("active", false)
                    .put("liftedOn", m.liftedOn().toString()).put("liftReason", m.reason());
        } else if (e instanceof ConsentGiven c) {
            ObjectNode n = v.entry(CONSENT_PROTECTION, "consents", "consentId", c.consentId());
            n.set("categories", FileView.tree(c.categories()));
            n.put("recipientAgency", c.recipientAgency().value()).put("purpose", c.purpose()).put("givenBy", c.givenBy().name())
                    .put("representative", str(c.representative())).put("givenOn", c.givenOn().toString())
                    .put("expiresOn", str(c.expiresOn())).put("withdrawn", false);
        } else if (e instanceof ConsentWithdrawn c) {
            v.entry(CONSENT_PROTECTION, "consents", "consentId", c.consentId()).put("withdrawn", true)
                    .put("withdrawnOn", c.withdrawnOn().toString());
        } else if (e instanceof ReferralMade r) {
            ObjectNode n = v.entry(CONSENT_PROTECTION, "referrals", "referralId", r.referralId());
            n.set("categories", FileView.tree(r.categories()));
            n.put("recipientAgency", r.recipientAgency().value()).put("purpose", r.purpose()).put("consentId", str(r.consentId()))
                    .put("legalBasis", r.legalBasis()).put("madeOn", r.madeOn().toString()).put("expiresOn", r.expiresOn().toString())
                    .put("state", "MADE");
        } else if (e instanceof ReferralAccepted r) {
            v.entry(CONSENT_PROTECTION, "referrals", "referralId", r.referralId()).put("state", "ACCEPTED");
        } else if (e instanceof ReferralDeclined r) {
            v.entry(CONSENT_PROTECTION, "referrals", "referralId", r.referralId()).put("state", "DECLINED").put("endReason", r.reason());
        } else if (e instanceof ReferralRevoked r) {
            v.entry(CONSENT_PROTECTION, "referrals", "referralId", r.referralId()).put("state", "REVOKED").put("endReason", r.reason());
        } else if (e instanceof SupportRequested s) {
            v.entry(SUPPORT, "cases", "supportId", s.supportId()).put("regime", s.regime().name()).put("status", "REQUESTED")
                    .put("requestedAmountVnd", s.amountVnd()).put("requestedOn", s.requestedOn().toString())
                    .put("lateApplicationReason", s.lateApplicationReason()).put("grantedVnd", 0).put("deliveredVnd", 0);
        } else if (e instanceof SupportGranted s) {
            v.entry(SUPPORT, "cases", "supportId", s.supportId()).put("status", "GRANTED").put("grantedVnd", s.amountVnd())
                    .put("provider", s.provider().value()).put("decidedOn", s.decidedOn().toString());
        } else if (e instanceof SupportRefused s) {
            v.entry(SUPPORT, "cases", "supportId", s.supportId()).put("status", "REFUSED").put("refusedBy", s.refusedBy().name())
                    .put("refusalReason", s.reason()).put("decidedOn", s.decidedOn().toString());
        } else if (e instanceof SupportDelivered s) {
            ObjectNode n = v.entry(SUPPORT, "cases", "supportId", s.supportId());
            n.put("deliveredVnd", n.path("deliveredVnd").asLong() + s.amountVnd());
            (n.has("deliveries") ? (com.fasterxml.jackson.databind.node.ArrayNode) n.get("deliveries") : n.putArray("deliveries"))
                    .addObject().put("amountVnd", s.amountVnd()).put("provider", s.provider().value())
                    .put("deliveredOn", s.deliveredOn().toString());
        } else {
            FileViewFolds3.fold(v, e);
        }
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
