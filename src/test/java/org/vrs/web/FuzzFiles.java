package org.vrs.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

/**
 * The files the bad requests aim at: open ones with verification, referrals (so several agencies
 * may write) and entries to name, one closed and one erased.
 */
final class FuzzFiles {
    private FuzzFiles() {
    }

    static BadRequests.Files create(RunningService vrs) {
        List<String> open = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            open.add(populated(vrs, ids));
        }
        String closed = populated(vrs, ids);
        ok(vrs, Caller.CASEWORKER, closed, "close-file", "{\"reason\":\"REINTEGRATED\",\"closedOn\":\"" + today() + "\"}");
        String shredded = populated(vrs, ids);
        ok(vrs, Caller.DPO, shredded, "shred-file-keys",
                "{\"erasureOrderReference\":\"EO-FUZZ-1\",\"orderedBy\":\"court\",\"orderedOn\":\"" + today() + "\"}");
        return new BadRequests.Files(List.copyOf(open), List.of(closed), List.of(shredded), List.copyOf(ids));
    }

    private static String populated(RunningService vrs, List<String> ids) {
        Response opened = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"" + today().minusDays(20) + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String file = opened.text("fileId");
        ok(vrs, Caller.RECEPTION, file, "record-identity",
                "{\"identity\":{\"fullName\":\"Sùng Thị Fuzzmai\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}");
        ok(vrs, Caller.RECEPTION, file, "request-verification",
                "{\"verifyingAgency\":\"LC-POLICE\",\"requestedOn\":\"" + today().minusDays(19) + "\"}");
        for (String agency : List.of("LC-HEALTH", "LC-SOCIAL-CENTRE", "LC-LEGAL-AID")) {
            ids.add(ok(vrs, Caller.RECEPTION, file, "make-referral", "{\"recipientAgency\":\"" + agency + "\",\"categories\":[\"IDENTITY\","
                    + "\"SUPPORT\",\"LEGAL\",\"HEALTH\"],\"purpose\":\"support\",\"legalBasis\":\"Law 53/2024/QH15 Art. 24\",\"madeOn\":\""
                    + today().minusDays(18) + "\",\"expiresOn\":\"" + today().plusYears(1) + "\"}").text("id"));
        }
        ids.add(ok(vrs, Caller.CASEWORKER, file, "request-support",
                "{\"regime\":\"ESSENTIAL_NEEDS\",\"requestedOn\":\"" + today().minusDays(10) + "\"}").text("id"));
        ids.add(ok(vrs, Caller.SHELTER, file, "admit-to-shelter",
                "{\"shelter\":\"LC-SOCIAL-CENTRE\",\"admittedOn\":\"" + today().minusDays(9) + "\"}").text("id"));
        return file;
    }

    private static Response ok(RunningService vrs, Caller caller, String file, String command, String json) {
        Response r = vrs.post(caller, "/api/v1/files/" + file + "/" + command, json);
        assertThat(r.status()).as(command + " " + BadInputFuzzTest.redact(r.body())).isEqualTo(200);
        return r;
    }

    private static LocalDate today() {
        return LocalDate.now();
    }
}
