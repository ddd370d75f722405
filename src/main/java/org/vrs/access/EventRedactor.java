package org.vrs.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.vrs.casefile.api.Category;
import org.vrs.casefile.api.DataCategory;
import org.vrs.casefile.api.TaggedCategory;

/**
 * Redacts a single event for history and audit paths, field by field, from the category each
 * field declares: the same declarations and the same disclosure levels as the file view.
 */
public final class EventRedactor {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventRedactor() {
    }

    /** {@code {"fields": {...shown...}, "withheld": [names]}}; masked fields show their coarse form only. */
    public static ObjectNode redact(Object payload, Map<DataCategory, Disclosure> disclosure) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode fields = out.putObject("fields");
        var withheld = out.putArray("withheld");
        if (payload == null || !payload.getClass().isRecord()) {
            return out;
        }
        DataCategory tag = taggedCategory(payload);
        for (RecordComponent component : payload.getClass().getRecordComponents()) {
            DataCategory category = component.isAnnotationPresent(TaggedCategory.class) ? tag
                    : component.isAnnotationPresent(Category.class) ? component.getAnnotation(Category.class).value() : null;
            Disclosure level = category == null ? Disclosure.HIDDEN : disclosure.getOrDefault(category, Disclosure.HIDDEN);
            Object value = value(component, payload);
            switch (level) {
                case FULL -> fields.set(component.getName(), JSON.valueToTree(value));
                case MASKED -> fields.set(component.getName(), mask(category, JSON.valueToTree(value)));
                case HIDDEN -> withheld.add(component.getName());
            }
        }
        return out;
    }

    private static JsonNode mask(DataCategory category, JsonNode value) {
        if (value == null || value.isNull()) {
            return value;
        }
        if (category == DataCategory.WHEREABOUTS && value.has("province")) {
            return JSON.createObjectNode().put("province", value.path("province").asText()).put("masked", true);
        }
        return JSON.createObjectNode().put("masked", true);
    }

    private static DataCategory taggedCategory(Object payload) {
        for (RecordComponent c : payload.getClass().getRecordComponents()) {
            if (c.getName().equals("category") && c.getType() == DataCategory.class) {
                return (DataCategory) value(c, payload);
            }
        }
        return null;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
