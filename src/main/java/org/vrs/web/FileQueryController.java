package org.vrs.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.AccessDecision;
import org.vrs.access.AccessLog;
import org.vrs.access.Actor;
import org.vrs.access.Disclosure;
import org.vrs.access.FileAccessPolicy;
import org.vrs.access.FileScope;
import org.vrs.access.Redactor;
import org.vrs.access.Role;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;
import org.vrs.views.FileQueries;
import org.vrs.views.FileView;

/**
 * Reads of single files: scope decided, the view redacted for the caller's role, and an access
 * event recorded, on every path. A file outside the caller's scope is answered as if it did not exist.
 */
@RestController
@RequestMapping("/api/v1/files")
class FileQueryController {
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{2,63}");

    private final FileQueries queries;
    private final FileAccessPolicy policy;
    private final AccessLog accessLog;
    private final Clock clock;

    FileQueryController(FileQueries queries, FileAccessPolicy policy, AccessLog accessLog, Clock clock) {
        this.queries = queries;
        this.policy = policy;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/{fileId}")
    ObjectNode file(@PathVariable FileId fileId, @AuthenticationPrincipal Actor actor,
                    @RequestHeader(value = "X-VRS-Purpose", required = false) String purpose,
                    @RequestHeader(value = "X-VRS-Break-Glass", required = false) String breakGlass,
                    @RequestParam(required = false) Long asOfSequence) {
        AccessDecision.Granted granted = authorise(actor, fileId.value(), "VIEW", purpose, breakGlass);
        FileView view = (asOfSequence == null ? queries.current(fileId.value()) : queries.asOfSequence(fileId.value(), asOfSequence))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown-file", "no file " + fileId + " at that point"));
        return respond(actor, fileId.value(), "VIEW", purpose, granted, view, null);
    }

    @GetMapping("/{fileId}/support")
    ObjectNode support(@PathVariable FileId fileId, @AuthenticationPrincipal Actor actor,
                       @RequestHeader(value = "X-VRS-Purpose", required = false) String purpose,
                       @RequestHeader(value = "X-VRS-Break-Glass", required = false) String breakGlass) {
        AccessDecision.Granted granted = authorise(actor, fileId.value(), "SUPPORT", purpose, breakGlass);
        FileView view = queries.current(fileId.value())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown-file", "no file " + fileId));
        return respond(actor, fileId.value(), "SUPPORT", purpose, granted, view, List.of(DataCategory.CASE_ADMIN, DataCategory.SUPPORT));
    }

    private AccessDecision.Granted authorise(Actor actor, String fileId, String path, String purpose, String breakGlass) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "purpose-required",
                    "reading a file needs header X-VRS-Purpose: a purpose code of 3-64 lower-case letters, digits and '-'");
        }
        FileScope scope = queries.scope(fileId).orElse(null);
        AccessDecision decision = scope == null ? new AccessDecision.Refused("no such file")
                : policy.decide(actor, scope, LocalDate.now(clock), breakGlass);
        if (decision instanceof AccessDecision.Refused refused) {
            accessLog.refused(actor, fileId, path, purpose, refused.reason());
            throw new ApiException(HttpStatus.NOT_FOUND, "not-in-scope", "no file " + fileId + " in your scope");
        }
        return (AccessDecision.Granted) decision;
    }

    private ObjectNode respond(Actor actor, String fileId, String path, String purpose, AccessDecision.Granted granted, FileView view,
                               List<DataCategory> only) {
        Map<DataCategory, Disclosure> disclosure = new EnumMap<>(granted.disclosure());
        if (only != null) {
            disclosure.replaceAll((c, level) -> only.contains(c) ? level : Disclosure.HIDDEN);
        }
        FileScope scope = queries.scope(fileId).orElseThrow();
        accessLog.read(actor, scope, path, purpose, new AccessDecision.Granted(granted.basis(), disclosure, granted.breakGlassReason()));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("fileId", fileId).put("sequence", view.lastSequence()).put("policyVersion", policy.policyVersion())
                .put("basis", granted.basis().name()).put("role", actor.role().name());
        ObjectNode levels = body.putObject("disclosure");
        disclosure.forEach((c, l) -> levels.put(c.name(), l.name()));
        body.set("sections", Redactor.redact(view.document(), disclosure));
        return body;
    }

    static boolean auditor(Actor actor) {
        return actor.role() == Role.AUDITOR;
    }
}
