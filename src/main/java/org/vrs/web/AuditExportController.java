package org.vrs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.AgencyRegistry;
import org.vrs.access.FileAccessPolicy;
import org.vrs.audit.AuditExports;
import org.vrs.casefile.api.Agency;
import org.vrs.extract.AuditTrailBundles;
import org.vrs.extract.AuditTrailRequest;

/**
 * {@code POST /api/v1/audit/exports}: an auditor's request in, the signed audit-trail bundle (a zip)
 * out. The role is checked before the body is read; every refusal of the body is a 400 and records nothing.
 */
@RestController
@RequestMapping("/api/v1/audit/exports")
class AuditExportController {
    private static final Set<String> FIELDS = Set.of("from", "to", "province", "purpose", "reference");
    private static final int MAX_TEXT = 200;

    private final AuditExports exports;
    private final AgencyRegistry agencies;
    private final ObjectMapper json;
    private final Clock clock;

    AuditExportController(AuditExports exports, AgencyRegistry agencies, ObjectMapper json, Clock clock) {
        this.exports = exports;
        this.agencies = agencies;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<byte[]> export(@RequestBody(required = false) String body, @AuthenticationPrincipal Actor actor) {
        if (!AuditExports.mayExport(actor.role())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "audit trails are exported by auditors only");
        }
        AuditTrailRequest request = bind(actor, body);
        AuditTrailBundles.Export export;
        try {
            export = exports.export(actor, request);
        } catch (AuditExports.TooManyEvents e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "too-many-events", e.getMessage());
        } catch (AuditExports.ViewsBehind e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "views-behind", e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).contentType(ExtractController.ZIP)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("audit-trail-" + export.exportId() + ".zip").build().toString())
                .header("X-VRS-Export-Id", export.exportId())
                .header("X-VRS-Bundle-SHA256", export.sha256())
                .body(export.zip());
    }

    private AuditTrailRequest bind(Actor actor, String body) {
        JsonNode tree;
        try {
            tree = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.fromJson(e);
        }
        if (tree == null || !tree.isObject()) {
            throw bad("malformed-request", "the request body must be a JSON object with from, to, purpose and reference");
        }
        for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad("invalid-field", "unknown field '" + ApiException.clip(name) + "'");
            }
        }
        Instant from = instant(tree, "from");
        Instant to = instant(tree, "to");
        if (!from.isBefore(to)) {
            throw bad("invalid-period", "from must be before to");
        }
        if (Duration.between(from, to).compareTo(AuditExports.MAX_PERIOD) > 0) {
            throw bad("period-too-long", "a period may span at most " + AuditExports.MAX_PERIOD.toDays() + " days");
        }
        if (to.isAfter(clock.instant())) {
            throw bad("invalid-period", "to lies in the future: only a period that has ended can be exported");
        }
        String province = province(actor, tree);
        return new AuditTrailRequest(from, to, province, text(tree, "purpose"), text(tree, "reference"));
    }

    private String province(Actor actor, JsonNode tree) {
        JsonNode node = tree.get("province");
        boolean national = FileAccessPolicy.NATIONAL.equals(actor.province());
        if (node == null || node.isNull()) {
            return national ? null : actor.province();
        }
        if (!node.isTextual()) {
            throw bad("invalid-field", "field 'province' must be a string");
        }
        Set<String> known = new TreeSet<>();
        agencies.all().stream().map(Agency::province).filter(p -> !FileAccessPolicy.NATIONAL.equals(p)).forEach(known::add);
        if (!known.contains(node.textValue())) {
            throw bad("unknown-province", "province must be one of " + known);
        }
        if (!national && !node.textValue().equals(actor.province())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "province " + node.textValue() + " is outside your jurisdiction");
        }
        return node.textValue();
    }

    private static Instant instant(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual()) {
            throw bad("invalid-field", "field '" + field + "' must be " + ApiException.expected(Instant.class));
        }
        try {
            return Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw bad("invalid-field", "field '" + field + "' must be " + ApiException.expected(Instant.class));
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual() || node.textValue().isBlank() || node.textValue().length() > MAX_TEXT) {
            throw bad("invalid-field", "field '" + field + "' must be a non-empty string of at most " + MAX_TEXT + " characters");
        }
        return node.textValue();
    }

    private static ApiException bad(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }
}
