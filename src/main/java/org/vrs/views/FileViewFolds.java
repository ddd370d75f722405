package org.vrs.views;

import static org.vrs.casefile.api.DataCategory.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vrs.casefile.api.*;

/** How each event changes a {@link FileView}: assignments only, each field into its own category's section. */
final class FileViewFolds {
    private FileViewFolds() {
    }

    static void fold(FileView v, Object e) {
        ObjectNode admin = v.admin();
        if (e instanceof FileOpened o) {
            admin.put("fileNumber", o.fileNumber()).put("status", VictimStatus.UNDER_IDENTIFICATION.name()).put("closed", false)
                    .put("owner", o.receivingAgency().value()).put("province", o.province())
                    .put("channel", o.channel().name()).put("receivedOn", o.receivedOn().toString());
        } else if (e instanceof IdentityRecorded i) {
            v.section(IDENTITY).set("current", FileView.tree(i.identity()));
        } else if (e instanceof IdentityCorrected i) {
            v.section(IDENTITY).set("current", FileView.tree(i.identity()));
            v.list(IDENTITY, "corrections").addObject().put("correctsSequence", i.correctsSequence()).put("reason", i.reason());
        } else if (e instanceof WhereaboutsRecorded w) {
            v.section(WHEREABOUTS).set("current", FileView.tree(w.whereabouts()));
            if (w.correctsSequence() != null) {
                v.list(WHEREABOUTS, "corrections").addObject().put("correctsSequence", w.correctsSequence()).put("reason", w.correctionReason());
            }
        } else if (e instanceof TraffickingAccountRecorded t) {
            v.section(TRAFFICKING_ACCOUNT).set("current", FileView.tree(t.account()));
            if (t.correctsSequence() != null) {
                v.list(TRAFFICKING_ACCOUNT, "corrections").addObject().put("correctsSequence", t.correctsSequence())
                        .put("reason", t.correctionReason());
            }
        } else if (e instanceof EssentialNeedsMet n) {
            ObjectNode needs = (ObjectNode) FileView.tree(n);
            needs.remove("fileId");
            v.list(SUPPORT, "essentialNeeds").add(needs);
        } else if (e instanceof VerificationRequested r) {
            admin.putObject("verification").put("agency", r.verifyingAgency().value()).put("requestedOn", r.requestedOn().toString())
                    .put("dueOn", r.dueOn().toString());
        } else if (e instanceof VerificationConcluded c) {
            VictimStatus status = c.outcome() == VerificationOutcome.CONFIRMED ? VictimStatus.CONFIRMED_VICTIM : VictimStatus.NOT_CONFIRMED;
            admin.put("status", status.name());
            admin.with("verification").put("outcome", c.outcome().name()).put("concludedOn", c.concludedOn().toString());
            ObjectNode legal = v.section(LEGAL);
            if (c.document() != null) {
                legal.set("confirmingDocument", FileView.tree(c.document()));
            }
            if (c.reason() != null) {
                legal.put("verificationReason", c.reason());
            }
        } else {
            FileViewFolds2.fold(v, e);
        }
    }
}
