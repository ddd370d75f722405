package org.vrs.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.EventRedactor;
import org.vrs.casefile.api.FileId;
import org.vrs.ledger.LedgerQueries;
import org.vrs.views.FileQueries;

/**
 * A file's timeline: every event in order with its time and clear metadata (actor, agency, role,
 * reason, correlation), its ledger leaf index (null with {@code "ledger": "pending"} until the
 * integrator reaches it), its content redacted field by field for the caller's role.
 */
@RestController
@RequestMapping("/api/v1/files")
class FileHistoryController {
    private final FileQueries queries;
    private final FileReads reads;
    private final LedgerQueries ledger;

    FileHistoryController(FileQueries queries, FileReads reads, LedgerQueries ledger) {
        this.queries = queries;
        this.reads = reads;
        this.ledger = ledger;
    }

    @GetMapping("/{fileId}/history")
    ObjectNode history(@PathVariable FileId fileId, @AuthenticationPrincipal Actor actor,
                       @RequestHeader(value = "X-VRS-Purpose", required = false) String purpose,
                       @RequestHeader(value = "X-VRS-Break-Glass", required = false) String breakGlass,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "page must be >= 0 and size between 1 and 1000");
        }
        FileReads.Grant grant = reads.authorise(actor, fileId.value(), "HISTORY", purpose, breakGlass);
        reads.record(actor, grant, "HISTORY", purpose, grant.decision().disclosure());
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("fileId", fileId.value()).put("page", page).put("size", size).put("policyVersion", reads.policyVersion());
        ArrayNode events = body.putArray("events");
        List<? extends DomainEventMessage<?>> pageEvents = queries.events(fileId.value()).skip((long) page * size).limit(size).toList();
        Map<String, LedgerQueries.Leaf> leaves = ledger.leavesOf(pageEvents.stream().map(DomainEventMessage::getIdentifier).toList());
        for (DomainEventMessage<?> e : pageEvents) {
            ObjectNode entry = events.addObject();
            entry.put("sequence", e.getSequenceNumber()).put("eventId", e.getIdentifier()).put("time", e.getTimestamp().toString())
                    .put("type", e.getPayloadType().getSimpleName());
            e.getMetaData().forEach((k, v) -> entry.put(k, String.valueOf(v)));
            LedgerQueries.Leaf leaf = leaves.get(e.getIdentifier());
            if (leaf == null) {
                entry.putNull("leafIndex").put("ledger", "pending");
            } else {
                entry.put("leafIndex", leaf.index().value()).put("ledger", "integrated");
            }
            entry.setAll(EventRedactor.redact(e.getPayload(), grant.decision().disclosure()));
        }
        return body;
    }
}
