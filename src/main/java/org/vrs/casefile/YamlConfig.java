package org.vrs.casefile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads configuration YAML (rule book, agency registry) into records, strictly: an unknown key
 * is an error, and dates stay ISO strings for Jackson instead of becoming {@code java.util.Date}.
 */
public final class YamlConfig {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private YamlConfig() {
    }

    public static <T> T read(InputStream in, Class<T> type) {
        Resolver noTimestamps = new Resolver() {
            @Override
            public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
                if (!Tag.TIMESTAMP.equals(tag)) {
                    super.addImplicitResolver(tag, regexp, first, limit);
                }
            }
        };
        DumperOptions dump = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dump), dump, noTimestamps);
        return MAPPER.convertValue(yaml.load(in), type);
    }

    public static <T> T fromClasspath(String resource, Class<T> type) {
        try (InputStream in = YamlConfig.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("configuration " + resource + " not found on the class path");
            }
            return read(in, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read configuration " + resource, e);
        }
    }
}
