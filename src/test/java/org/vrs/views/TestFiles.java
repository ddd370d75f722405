package org.vrs.views;

import static org.assertj.core.api.Assertions.assertThat;

import org.vrs.support.Caller;
import org.vrs.support.Response;
import org.vrs.support.RunningService;

final class TestFiles {
    private TestFiles() {
    }

    static String openWithIdentityAndAddress(RunningService vrs, String name, String address) {
        Response r = vrs.post(Caller.RECEPTION, "/api/v1/files",
                "{\"channel\":\"RESCUE\",\"receivingAgency\":\"LC-COMMUNE-BATXAT\",\"receivedOn\":\"2026-11-01\"}");
        assertThat(r.status()).isEqualTo(201);
        String file = r.text("fileId");
        assertThat(vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/record-identity",
                "{\"identity\":{\"fullName\":\"" + name + "\",\"sex\":\"FEMALE\",\"idDocumentType\":\"NONE\"}}").status()).isEqualTo(200);
        assertThat(vrs.post(Caller.RECEPTION, "/api/v1/files/" + file + "/record-whereabouts",
                "{\"whereabouts\":{\"residenceAddress\":\"" + address + "\",\"province\":\"LC\"}}").status()).isEqualTo(200);
        return file;
    }
}
