package org.vrs.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.vrs.casefile.api.DataCategory;

/**
 * The one function every output path goes through: a document with one section per data category
 * in, the same document out with each section kept, masked to its coarse form, or withheld.
 */
public final class Redactor {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Redactor() {
    }

    /** Redacts a copy; sections of categories not in the map are withheld. */
    public static ObjectNode redact(ObjectNode document, Map<DataCategory, Disclosure> disclosure) {
        ObjectNode out = NODES.objectNode();
        for (DataCategory category : DataCategory.values()) {
            JsonNode section = document.path(category.name());
            Disclosure level = disclosure.getOrDefault(category, Disclosure.HIDDEN);
            out.set(category.name(), switch (level) {
                case FULL -> section.deepCopy();
                case MASKED -> mask(category, section);
                case HIDDEN -> withheld();
            });
        }
        return out;
    }

    static ObjectNode withheld() {
        return NODES.objectNode().put("withheld", true);
    }

    private static ObjectNode mask(DataCategory category, JsonNode s) {
        ObjectNode m = NODES.objectNode().put("masked", true);
        switch (category) {
            case CASE_ADMIN -> m.put("fileNumber", s.path("fileNumber").asText()).put("status", s.path("status").asText());
            case IDENTITY -> {
                JsonNode id = s.path("current");
                m.put("recorded", id.has("fullName"));
                if (id.has("fullName")) {
                    m.put("initials", initials(id.path("fullName").asText())).put("sex", id.path("sex").asText());
                }
                if (id.has("dateOfBirth")) {
                    m.put("yearOfBirth", id.path("dateOfBirth").asText().substring(0, 4));
                }
            }
            case WHEREABOUTS -> {
                if (s.path("current").has("province")) {
                    m.put("province", s.path("current").path("province").asText());
                }
                m.put("inShelter", s.has("shelter"));
            }
            case TRAFFICKING_ACCOUNT -> {
                m.put("recorded", s.has("current"));
                if (s.path("current").has("exploitationTypes")) {
                    m.set("exploitationTypes", s.path("current").path("exploitationTypes").deepCopy());
                }
            }
            case FAMILY -> m.set("relatedPersons", countBy(s.path("relatedPersons"), "relation"));
            case LEGAL -> m.put("confirmingDocumentRecorded", s.has("confirmingDocument")).put("proceedings", s.path("proceedings").size());
            case SUPPORT -> {
                m.set("supportCases", countBy(s.path("cases"), "status"));
                m.put("amounts", "withheld");
            }
            case CONSENT_PROTECTION -> m.put("consents", s.path("consents").size()).put("referrals", s.path("referrals").size())
                    .put("protectionMeasures", s.path("measures").size());
            case HEALTH -> { }
        }
        m.put("notes", s.path("notes").size());
        return m;
    }

    private static ObjectNode countBy(JsonNode list, String field) {
        Map<String, Integer> counts = new TreeMap<>();
        list.forEach(n -> counts.merge(n.path(field).asText(), 1, Integer::sum));
        ObjectNode out = NODES.objectNode();
        counts.forEach(out::put);
        return out;
    }

    private static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                b.appendCodePoint(part.codePointAt(0)).append('.');
            }
        }
        return b.toString();
    }
}
