package org.vrs.access;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.vrs.casefile.YamlConfig;
import org.vrs.casefile.api.DataCategory;

/**
 * Role x category -> disclosure, with a version recorded in every access event. Deny by default:
 * a role without a row reads no file, and a category missing from a row is hidden.
 */
public final class RedactionPolicy {
    record Document(String version, Map<Role, Map<DataCategory, Disclosure>> roles) {
    }

    private final String version;
    private final Map<Role, Map<DataCategory, Disclosure>> matrix;

    private RedactionPolicy(Document doc) {
        if (doc.version() == null || doc.version().isBlank()) {
            throw new IllegalStateException("the redaction policy has no version");
        }
        this.version = doc.version();
        this.matrix = new EnumMap<>(Role.class);
        doc.roles().forEach((role, row) -> {
            Map<DataCategory, Disclosure> levels = new EnumMap<>(DataCategory.class);
            for (DataCategory c : DataCategory.values()) {
                levels.put(c, row.getOrDefault(c, Disclosure.HIDDEN));
            }
            matrix.put(role, levels);
        });
    }

    public static RedactionPolicy fromClasspath(String resource) {
        return new RedactionPolicy(YamlConfig.fromClasspath(resource, Document.class));
    }

    public String version() {
        return version;
    }

    /** The role's row, or empty when the role reads no file at all. */
    public Optional<Map<DataCategory, Disclosure>> forRole(Role role) {
        return Optional.ofNullable(matrix.get(role)).map(EnumMap::new);
    }
}
