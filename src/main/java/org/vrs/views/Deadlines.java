package org.vrs.views;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vrs.casefile.RuleBook;
import org.vrs.casefile.api.DataCategory;

/** The legal deadlines a file's view implies, with the rule book figures in force at each start date. */
final class Deadlines {
    enum Kind { RECEPTION, VERIFICATION, SUPPORT_APPLICATION_WINDOW, SHELTER_STAY_LIMIT, FOLLOW_UP }

    record Deadline(Kind kind, String ref, LocalDate dueOn, LocalDate metOn) {
    }

    private Deadlines() {
    }

    static List<Deadline> of(FileView view, RuleBook rules) {
        List<Deadline> out = new ArrayList<>();
        JsonNode admin = view.section(DataCategory.CASE_ADMIN);
        JsonNode support = view.section(DataCategory.SUPPORT);
        LocalDate received = date(admin.path("receivedOn"));
        if (received == null) {
            return out;
        }
        LocalDate firstNeedsMet = support.path("essentialNeeds").isEmpty() ? null : date(support.path("essentialNeeds").get(0).path("providedOn"));
        out.add(new Deadline(Kind.RECEPTION, "file", received.plusDays(rules.on(received).receptionDays()), firstNeedsMet));
        JsonNode verification = admin.path("verification");
        if (verification.has("dueOn")) {
            out.add(new Deadline(Kind.VERIFICATION, "file", date(verification.path("dueOn")), date(verification.path("concludedOn"))));
        }
        if ("CONFIRMED".equals(verification.path("outcome").asText())) {
            LocalDate confirmed = date(verification.path("concludedOn"));
            LocalDate firstRequest = null;
            for (JsonNode c : support.path("cases")) {
                LocalDate requested = date(c.path("requestedOn"));
                if (requested != null && !requested.isBefore(confirmed) && (firstRequest == null || requested.isBefore(firstRequest))) {
                    firstRequest = requested;
                }
            }
            out.add(new Deadline(Kind.SUPPORT_APPLICATION_WINDOW, "file",
                    confirmed.plusMonths(rules.on(confirmed).supportApplicationMonths()), firstRequest));
        }
        for (JsonNode stay : support.path("shelterStays")) {
            LocalDate admitted = date(stay.path("admittedOn"));
            out.add(new Deadline(Kind.SHELTER_STAY_LIMIT, stay.path("stayId").asText(),
                    admitted.plusDays(rules.on(admitted).shelterStayDays()), date(stay.path("dischargedOn"))));
        }
        LocalDate followUp = date(admin.path("nextFollowUpDue"));
        if (followUp != null) {
            out.add(new Deadline(Kind.FOLLOW_UP, "file", followUp, null));
        }
        return out;
    }

    private static LocalDate date(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : LocalDate.parse(node.asText());
    }
}
