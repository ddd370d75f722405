package org.vrs.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
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

    /** One field of an event with the data category its declaration gives it; {@code category} is null if undeclared. */
    public record CategorisedField(String name, DataCategory category, Object value) {
    }

    /**
     * The fields of an event payload in declaration order, each with its declared category (a
     * {@link TaggedCategory} field takes the category the event names). Redaction and extract
     * scoping both read categories through here.
     */
    public static List<CategorisedField> categorised(Object payload) {
        if (payload == null || !payload.getClass().isRecord()) {
            return List.of();
        }
        List<Declared> declared = DECLARED.get(payload.getClass());
        DataCategory tag = null;
        for (Declared d : declared) {
            if (d.tagName()) {
                tag = (DataCategory) value(d.component(), payload);
            }
        }
        List<CategorisedField> fields = new ArrayList<>(declared.size());
        for (Declared d : declared) {
            fields.add(new CategorisedField(d.component().getName(), d.tagged() ? tag : d.category(), value(d.component(), payload)));
        }
        return fields;
    }

    /** A record component's declaration, read once per class: the JDK parses record and annotation data on every call. */
    private record Declared(RecordComponent component, boolean tagged, DataCategory category, boolean tagName) {
    }

    private static final ClassValue<List<Declared>> DECLARED = new ClassValue<>() {
        @Override
        protected List<Declared> computeValue(Class<?> type) {
            List<Declared> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(new Declared(c, c.isAnnotationPresent(TaggedCategory.class),
                        c.isAnnotationPresent(Category.class) ? c.getAnnotation(Category.class).value() : null,
                        c.getName().equals("category") && c.getType() == DataCategory.class));
            }
            return List.copyOf(out);
        }
    };

    /** {@code {"fields": {...shown...}, "withheld": [names]}}; masked fields show their coarse form only. */
    public static ObjectNode redact(Object payload, Map<DataCategory, Disclosure> disclosure) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode fields = out.putObject("fields");
        var withheld = out.putArray("withheld");
        for (CategorisedField field : categorised(payload)) {
            Disclosure level = field.category() == null ? Disclosure.HIDDEN : disclosure.getOrDefault(field.category(), Disclosure.HIDDEN);
            switch (level) {
                case FULL -> fields.set(field.name(), JSON.valueToTree(field.value()));
                case MASKED -> fields.set(field.name(), mask(field.category(), JSON.valueToTree(field.value())));
                case HIDDEN -> withheld.add(field.name());
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

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
