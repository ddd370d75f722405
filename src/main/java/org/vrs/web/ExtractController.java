package org.vrs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.extract.CertifiedExtracts;
import org.vrs.extract.ExtractOrder;
import org.vrs.extract.IssuedExtract;

/** {@code POST /api/v1/extracts}: a court's order in, the certified extract (a zip) out. */
@RestController
@RequestMapping("/api/v1/extracts")
class ExtractController {
    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final CertifiedExtracts extracts;
    private final ObjectMapper json;

    ExtractController(CertifiedExtracts extracts, ObjectMapper json) {
        this.extracts = extracts;
        this.json = json;
    }

    @PostMapping
    ResponseEntity<byte[]> issue(@RequestBody JsonNode body, @AuthenticationPrincipal Actor actor) {
        IssuedExtract issued = extracts.issue(actor, bind(body));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(ZIP)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("extract-" + issued.extractId() + ".zip").build().toString())
                .header("X-VRS-Extract-Id", issued.extractId().value())
                .header("X-VRS-Bundle-SHA256", issued.bundleSha256())
                .header("X-VRS-Sequence", Long.toString(issued.sequence()))
                .body(issued.zip());
    }

    private ExtractOrder bind(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-request", "the request body must be a JSON object");
        }
        try {
            return json.treeToValue(body, ExtractOrder.class);
        } catch (JsonProcessingException e) {
            throw ApiException.fromJson(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.fromJson(e.getCause() instanceof JsonProcessingException j ? j : null);
        }
    }
}
