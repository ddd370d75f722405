package org.vrs.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.Disclosure;
import org.vrs.access.Redactor;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.FileId;
import org.vrs.views.FileQueries;
import org.vrs.views.FileView;

/**
 * A single file, live or as of a point in time, and its support: redacted for the caller's role
 * on the server, every read recorded. A file outside the caller's scope is answered as not found.
 */
@RestController
@RequestMapping("/api/v1/files")
class FileQueryController {
    private final FileQueries queries;
    private final FileReads reads;

    FileQueryController(FileQueries queries, FileReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    @GetMapping("/{fileId}")
    ObjectNode file(@PathVariable FileId fileId, @AuthenticationPrincipal Actor actor,
                    @RequestHeader(value = "X-VRS-Purpose", required = false) String purpose,
                    @RequestHeader(value = "X-VRS-Break-Glass", required = false) String breakGlass,
                    @RequestParam(required = false) Long asOfSequence,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        FileReads.Grant grant = reads.authorise(actor, fileId.value(), "VIEW", purpose, breakGlass);
        Optional<Long> sequence = asOf != null ? Optional.of(queries.sequenceAt(fileId.value(), asOf).orElse(-1L))
                : Optional.ofNullable(asOfSequence);
        FileView view = (sequence.isEmpty() ? queries.current(fileId.value()) : queries.asOfSequence(fileId.value(), sequence.get()))
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown-file", "file " + fileId + " did not exist at that point"));
        return respond(actor, grant, "VIEW", purpose, view, List.of(DataCategory.values()));
    }

    @GetMapping("/{fileId}/support")
    ObjectNode support(@PathVariable FileId fileId, @AuthenticationPrincipal Actor actor,
                       @RequestHeader(value = "X-VRS-Purpose", required = false) String purpose,
                       @RequestHeader(value = "X-VRS-Break-Glass", required = false) String breakGlass) {
        FileReads.Grant grant = reads.authorise(actor, fileId.value(), "SUPPORT", purpose, breakGlass);
        FileView view = queries.current(fileId.value())
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown-file", "no file " + fileId));
        return respond(actor, grant, "SUPPORT", purpose, view, List.of(DataCategory.CASE_ADMIN, DataCategory.SUPPORT));
    }

    private ObjectNode respond(Actor actor, FileReads.Grant grant, String path, String purpose, FileView view, List<DataCategory> only) {
        Map<DataCategory, Disclosure> disclosure = new EnumMap<>(grant.decision().disclosure());
        disclosure.replaceAll((c, level) -> only.contains(c) ? level : Disclosure.HIDDEN);
        reads.record(actor, grant, path, purpose, disclosure);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("fileId", grant.scope().fileId()).put("sequence", view.lastSequence()).put("policyVersion", reads.policyVersion())
                .put("basis", grant.decision().basis().name()).put("role", actor.role().name());
        ObjectNode levels = body.putObject("disclosure");
        disclosure.forEach((c, l) -> levels.put(c.name(), l.name()));
        body.set("sections", Redactor.redact(view.document(), disclosure));
        return body;
    }
}
