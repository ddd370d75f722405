package org.vrs.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.vrs.casefile.api.*;

/**
 * A file as its readers see it, built only from its events: one section per data category, each
 * holding exactly the fields the event catalogue puts in that category. The live projection, the
 * point-in-time view and the rebuild all fold events through this one class.
 */
public final class FileView {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

    private final ObjectNode doc;

    private FileView(ObjectNode doc) {
        this.doc = doc;
    }

    public static FileView empty(String fileId) {
        ObjectNode doc = JSON.createObjectNode();
        for (DataCategory c : DataCategory.values()) {
            doc.putObject(c.name()).putArray("notes");
        }
        doc.with(DataCategory.CASE_ADMIN.name()).put("fileId", fileId);
        return new FileView(doc);
    }

    public static FileView fromJson(byte[] json) {
        try {
            return new FileView((ObjectNode) JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy of the document, for redaction (which must never change the view itself). */
    public ObjectNode document() {
        return doc.deepCopy();
    }

    public ObjectNode section(DataCategory category) {
        return (ObjectNode) doc.get(category.name());
    }

    public long lastSequence() {
        return admin().path("lastSequence").asLong(-1);
    }

    /** Folds one event into the view. Unknown payloads (access records, erased content) change only the position. */
    public FileView apply(Object payload, long sequence, Instant at) {
        ObjectNode admin = admin();
        admin.put("lastSequence", sequence);
        admin.put("lastChangedAt", at.toString());
        if (payload instanceof ShreddedPayload) {
            admin.put("shredded", true); // erased content: the view keeps only its position
            return this;
        }
        FileViewFolds.fold(this, payload);
        return this;
    }

    ObjectNode admin() {
        return section(DataCategory.CASE_ADMIN);
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    ArrayNode list(DataCategory category, String name) {
        ObjectNode s = section(category);
        return s.has(name) ? (ArrayNode) s.get(name) : s.putArray(name);
    }

    /** The element of a list whose {@code key} field equals {@code id}, or a new one appended. */
    ObjectNode entry(DataCategory category, String list, String key, Object id) {
        String wanted = String.valueOf(id);
        for (JsonNode n : list(category, list)) {
            if (wanted.equals(n.path(key).asText())) {
                return (ObjectNode) n;
            }
        }
        ObjectNode added = list(category, list).addObject();
        added.put(key, wanted);
        return added;
    }
}
