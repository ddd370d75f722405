package org.vrs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
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
 * What changed in a file between two points, field by field. Both points are point-in-time views
 * folded by {@link FileView} and redacted for the caller before they are compared, so a withheld
 * category cannot show up even as "changed" and a masked one differs only in its coarse form.
 */
@RestController
@RequestMapping("/api/v1/files")
class FileChangesController {
    static final String PATH = "CHANGES";

    private final FileQueries queries;
    private final FileReads reads;

    FileChangesController(FileQueries queries, FileReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    /**
     * The start is {@code fromSequence} or {@code from} (default: before the first event); the end
     * is {@code toSequence} or {@code to} (default: the latest event). A point in time is the last
     * event stored at or before it.
     */
    @GetMapping("/{fileId}/changes")
    ObjectNode changes(@PathVariable FileId fileId, @AuthenticationPrincipal Actor actor,
                       @RequestHeader(value = "X-VRS-Purpose", required = false) String purpose,
                       @RequestHeader(value = "X-VRS-Break-Glass", required = false) String breakGlass,
                       @RequestParam(required = false) Long fromSequence, @RequestParam(required = false) Long toSequence,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        requireOneOf("fromSequence", fromSequence, "from", from);
        requireOneOf("toSequence", toSequence, "to", to);
        requireNotNegative("fromSequence", fromSequence);
        requireNotNegative("toSequence", toSequence);
        if (fromSequence != null && toSequence != null && fromSequence > toSequence) {
            throw bad("query parameter 'toSequence' must not be below 'fromSequence'");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw bad("query parameter 'to' must not be before 'from'");
        }
        FileReads.Grant grant = reads.authorise(actor, fileId.value(), PATH, purpose, breakGlass);
        long start = fromSequence != null ? fromSequence : from != null ? queries.sequenceAt(fileId.value(), from).orElse(-1L) : -1L;
        long end = toSequence != null ? toSequence : to != null ? queries.sequenceAt(fileId.value(), to).orElse(-1L) : Long.MAX_VALUE;
        if (start > end) {
            throw bad("the start point is after the end point");
        }
        Map<DataCategory, Disclosure> disclosure = grant.decision().disclosure();
        FileView before = view(fileId.value(), start);
        FileView after = view(fileId.value(), end);
        reads.record(actor, grant, PATH, purpose, disclosure);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("fileId", fileId.value()).put("fromSequence", before.lastSequence()).put("toSequence", after.lastSequence())
                .put("policyVersion", reads.policyVersion()).put("role", actor.role().name());
        ObjectNode levels = body.putObject("disclosure");
        disclosure.forEach((c, l) -> levels.put(c.name(), l.name()));
        ArrayNode changes = body.putArray("changes");
        diff("", Redactor.redact(before.document(), disclosure), Redactor.redact(after.document(), disclosure), changes);
        return body;
    }

    private FileView view(String fileId, long sequence) {
        return sequence < 0 ? FileView.empty(fileId) : queries.asOfSequence(fileId, sequence).orElseGet(() -> FileView.empty(fileId));
    }

    /** Objects by field name, arrays by position; {@code path} is a JSON Pointer whose first step is the category. */
    private static void diff(String path, JsonNode before, JsonNode after, ArrayNode out) {
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path + "/" + name.replace("~", "~0").replace("/", "~1"), before.get(name), after.get(name), out);
            }
        } else if (before != null && after != null && before.isArray() && after.isArray()) {
            Iterator<JsonNode> b = before.elements();
            Iterator<JsonNode> a = after.elements();
            for (int i = 0; b.hasNext() || a.hasNext(); i++) {
                diff(path + "/" + i, b.hasNext() ? b.next() : null, a.hasNext() ? a.next() : null, out);
            }
        } else if (before == null ? after != null : !before.equals(after)) {
            ObjectNode change = out.addObject();
            String category = path.substring(1).split("/", 2)[0];
            change.put("path", path).put("category", category)
                    .put("change", before == null ? "added" : after == null ? "removed" : "changed");
            change.set("before", before);
            change.set("after", after);
        }
    }

    private static void requireOneOf(String sequenceName, Long sequence, String timeName, Instant time) {
        if (sequence != null && time != null) {
            throw bad("give query parameter '" + sequenceName + "' or '" + timeName + "', not both");
        }
    }

    private static void requireNotNegative(String name, Long value) {
        if (value != null && value < 0) {
            throw bad("query parameter '" + name + "' must be a sequence number, 0 or more");
        }
    }

    private static ApiException bad(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", message);
    }
}
