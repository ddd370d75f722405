package org.vrs.views;

import static org.vrs.casefile.api.DataCategory.*;
import static org.vrs.views.FileViewFolds2.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vrs.casefile.api.*;

/** The folds for shelter, family, notes, legal proceedings, follow-up and closing events. */
final class FileViewFolds3 {
    private FileViewFolds3() {
    }

    static void fold(FileView v, Object e) {
        ObjectNode admin = v.admin();
        if (e instanceof ShelterAdmitted s) {
            v.section(WHEREABOUTS).putObject("shelter").put("stayId", s.stayId().value()).put("shelter", s.shelter().value());
            v.entry(SUPPORT, "shelterStays", "stayId", s.stayId()).put("admittedOn", s.admittedOn().toString());
        } else if (e instanceof ShelterDischarged s) {
            v.section(WHEREABOUTS).remove("shelter");
            v.entry(SUPPORT, "shelterStays", "stayId", s.stayId()).put("dischargedOn", s.dischargedOn().toString())
                    .put("reason", s.reason());
        } else if (e instanceof RelatedPersonAdded p) {
            v.entry(FAMILY, "relatedPersons", "personId", p.personId()).put("relation", p.relation().name()).put("fullName", p.fullName())
                    .put("dateOfBirth", str(p.dateOfBirth())).put("contact", p.contact());
        } else if (e instanceof CaseNoteAdded n) {
            v.list(n.category(), "notes").addObject().put("noteId", n.noteId().value()).put("text", n.text());
        } else if (e instanceof LegalProceedingLinked p) {
            v.entry(LEGAL, "proceedings", "proceedingId", p.proceedingId()).put("court", p.court()).put("caseNumber", p.caseNumber())
                    .put("role", p.role().name()).put("closedTrialRequested", p.closedTrialRequested())
                    .put("linkedOn", p.linkedOn().toString()).put("orderedVnd", 0).put("paidVnd", 0);
        } else if (e instanceof CompensationOrdered c) {
            ObjectNode n = v.entry(LEGAL, "proceedings", "proceedingId", c.proceedingId());
            n.put("orderedVnd", n.path("orderedVnd").asLong() + c.amountVnd());
        } else if (e instanceof CompensationPaid c) {
            ObjectNode n = v.entry(LEGAL, "proceedings", "proceedingId", c.proceedingId());
            n.put("paidVnd", n.path("paidVnd").asLong() + c.amountVnd());
        } else if (e instanceof FollowUpVisitRecorded f) {
            admin.put("riskLevel", f.riskLevel().name()).put("lastFollowUpOn", f.visitedOn().toString())
                    .put("nextFollowUpDue", str(f.nextDueOn()));
            if (f.notes() != null) {
                v.list(SUPPORT, "followUpNotes").addObject().put("visitedOn", f.visitedOn().toString()).put("notes", f.notes());
            }
        } else if (e instanceof FileClosed c) {
            admin.put("closed", true).put("closeReason", c.reason().name()).put("closedOn", c.closedOn().toString());
            if (c.details() != null) {
                v.section(SUPPORT).put("closeDetails", c.details());
            }
        } else if (e instanceof FileReopened r) {
            admin.put("closed", false).put("reopenedOn", r.reopenedOn().toString());
            v.list(SUPPORT, "reopenReasons").add(r.reason());
        } else if (e instanceof FileKeysShredded s) {
            admin.put("shredded", true).put("erasureOrderReference", s.erasureOrderReference());
        }
    }
}
