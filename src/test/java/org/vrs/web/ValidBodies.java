package org.vrs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.vrs.casefile.api.AgencyId;
import org.vrs.casefile.api.FileId;

/**
 * Well-formed command bodies built from the command records themselves, so every command and
 * every field is covered without a hand-written template. Text fields carry personal-data
 * strings, which no response may ever echo.
 */
final class ValidBodies {
    static final List<String> AGENCIES = List.of("LC-COMMUNE-BATXAT", "LC-POLICE", "LC-HEALTH", "LC-SOCIAL-CENTRE",
            "LC-LEGAL-AID", "LC-HOSPITAL", "HN-POLICE");

    /** Strings that stand for a victim's personal data: distinctive, with spaces and Vietnamese diacritics. */
    static final List<String> PERSONAL = List.of("Sùng Thị Fuzzmai", "Lò Văn Fuzzpao", "Thôn Fuzzhamlet 7, Bát Xát",
            "Fuzzsecret recruited via Zalo by Fuzztrafficker", "Giàng A Fuzzchinh");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Random random;
    private final List<String> knownEntryIds;

    ValidBodies(Random random, List<String> knownEntryIds) {
        this.random = random;
        this.knownEntryIds = knownEntryIds;
    }

    /** A body for the command, without fileId (the path carries it). */
    ObjectNode body(Class<? extends Record> command) {
        ObjectNode body = record(command);
        body.remove("fileId");
        return body;
    }

    /** One field of a record (possibly nested), with what the generator knows about it. */
    record FieldInfo(List<String> path, Field field, boolean required, int maxSize) {
        String name() {
            return path.get(path.size() - 1);
        }
    }

    /** Every field reachable in the command's body, nested records included, except fileId. */
    static List<FieldInfo> fields(Class<?> type) {
        List<FieldInfo> out = new ArrayList<>();
        collect(type, List.of(), out);
        out.removeIf(f -> f.path().equals(List.of("fileId")));
        return out;
    }

    private static void collect(Class<?> type, List<String> prefix, List<FieldInfo> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            Field f = field(type, c.getName());
            List<String> path = new ArrayList<>(prefix);
            path.add(c.getName());
            boolean required = f.isAnnotationPresent(NotNull.class) || f.isAnnotationPresent(NotBlank.class)
                    || f.isAnnotationPresent(NotEmpty.class);
            Size size = f.getAnnotation(Size.class);
            out.add(new FieldInfo(List.copyOf(path), f, required, size == null ? -1 : size.max()));
            if (c.getType().isRecord() && !isIdentifier(c.getType())) {
                collect(c.getType(), path, out);
            }
        }
    }

    private ObjectNode record(Class<?> type) {
        ObjectNode node = NODES.objectNode();
        for (RecordComponent c : type.getRecordComponents()) {
            Field f = field(type, c.getName());
            boolean required = f.isAnnotationPresent(NotNull.class) || f.isAnnotationPresent(NotBlank.class)
                    || f.isAnnotationPresent(NotEmpty.class) || c.getType().isPrimitive();
            if (c.getName().equals("expectedSequence") || (!required && random.nextInt(3) == 0)) {
                continue;
            }
            node.set(c.getName(), value(c.getName(), c.getType(), c.getGenericType()));
        }
        return node;
    }

    JsonNode value(String name, Class<?> type, Type generic) {
        if (type == FileId.class) {
            return NODES.textNode(UUID.randomUUID().toString());
        }
        if (type == AgencyId.class) {
            return NODES.textNode(AGENCIES.get(random.nextInt(AGENCIES.size())));
        }
        if (isIdentifier(type)) {
            return NODES.textNode(knownEntryIds.isEmpty() || random.nextBoolean() ? UUID.randomUUID().toString()
                    : knownEntryIds.get(random.nextInt(knownEntryIds.size())));
        }
        if (type.isRecord()) {
            return record(type);
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return NODES.textNode(constants[random.nextInt(constants.length)].toString());
        }
        if (type == LocalDate.class) {
            return NODES.textNode(LocalDate.now().minusDays(random.nextInt(60)).toString());
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return NODES.numberNode(random.nextInt(name.toLowerCase().contains("sequence") ? 4 : 1000));
        }
        if (type == boolean.class || type == Boolean.class) {
            return NODES.booleanNode(random.nextBoolean());
        }
        if (Collection.class.isAssignableFrom(type)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass = element instanceof Class<?> k ? k : String.class;
            ArrayNode array = NODES.arrayNode();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                array.add(value(name, elementClass, elementClass));
            }
            return array;
        }
        return NODES.textNode(text(name));
    }

    private String text(String name) {
        String n = name.toLowerCase();
        if (n.contains("phone")) {
            return "0912 345 678";
        }
        if (n.equals("province")) {
            return "LC";
        }
        if (n.contains("reference") || n.contains("number")) {
            return "REF-" + random.nextInt(1000);
        }
        return PERSONAL.get(random.nextInt(PERSONAL.size()));
    }

    static boolean isIdentifier(Class<?> type) {
        return type.isRecord() && type.getRecordComponents().length == 1 && type.getRecordComponents()[0].getType() == String.class;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
