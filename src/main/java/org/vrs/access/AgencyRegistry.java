package org.vrs.access;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vrs.casefile.Agencies;
import org.vrs.casefile.YamlConfig;
import org.vrs.casefile.api.Agency;
import org.vrs.casefile.api.AgencyId;

/**
 * The agency registry, read from YAML. A 2025 reform moved reception and verification between
 * agencies; such a change is an edit here with active dates, not a release.
 */
public final class AgencyRegistry implements Agencies {
    record Document(List<Agency> agencies) {
    }

    private final Map<AgencyId, Agency> byId;

    private AgencyRegistry(List<Agency> agencies) {
        this.byId = agencies.stream().collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity()));
    }

    public static AgencyRegistry load(InputStream yaml) {
        return new AgencyRegistry(YamlConfig.read(yaml, Document.class).agencies());
    }

    public static AgencyRegistry fromClasspath(String resource) {
        return new AgencyRegistry(YamlConfig.fromClasspath(resource, Document.class).agencies());
    }

    @Override
    public Optional<Agency> find(AgencyId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Agency> all() {
        return List.copyOf(byId.values());
    }
}
