package org.vrs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * One defect at a time in an otherwise well-formed body, each reported with the field a refusal
 * should name and whether the service must refuse it (some "wrong" values are legitimately coerced
 * by JSON binding, for example a number into a text field).
 */
final class BodyMutations {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> BAD_DATES = List.of("2026-02-29", "2026-13-01", "2026-00-10", "2026-1-1", "22/11/2026",
            "2026-11-22T00:00:00", "", " ", "yesterday", "+1000000000-01-01", "-999999999-01-01");
    private static final List<String> EDGE_DATES = List.of("0000-01-01", "1900-01-01", "9999-12-31", "2999-01-01",
            LocalDate.now().plusDays(1).toString(), LocalDate.now().toString());
    private static final List<String> UNKNOWN_FIELDS = List.of("fullname", "expected_sequence", "fileID", "extra", "__proto__",
            "sequence", "id");

    /** A body with one defect. {@code mustName} is the field a 400 must name, or null. */
    record Mutated(String kind, JsonNode body, String mustName, boolean mustReject) {
    }

    private final Random random;
    private final ValidBodies valid;

    BodyMutations(Random random, ValidBodies valid) {
        this.random = random;
        this.valid = valid;
    }

    Mutated mutate(Class<? extends Record> command, Collection<String> serverFilledFields) {
        ObjectNode body = valid.body(command);
        List<ValidBodies.FieldInfo> fields = ValidBodies.fields(command).stream()
                .filter(f -> parent(body, f) != null).toList();
        return switch (random.nextInt(9)) {
            case 0 -> missing(body, pick(fields, f -> f.required() && !serverFilledFields.contains(f.name())));
            case 1 -> wrongType(body, pick(fields, f -> true));
            case 2 -> oversize(body, pick(fields, f -> f.maxSize() > 0 && (f.field().getType() == String.class || List.class.isAssignableFrom(f.field().getType()))));
            case 3 -> number(body, pick(fields, f -> isNumber(f.field().getType())));
            case 4 -> date(body, pick(fields, f -> f.field().getType() == LocalDate.class));
            case 5 -> unknownField(body, pick(fields, f -> f.field().getType().isRecord() && !ValidBodies.isIdentifier(f.field().getType())));
            case 6 -> unknownEnum(body, pick(fields, f -> f.field().getType().isEnum()));
            case 7 -> nullValue(body, pick(fields, f -> !serverFilledFields.contains(f.name())));
            default -> expectedSequence(body);
        };
    }

    private Mutated missing(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return unknownField(body, null);
        }
        parent(body, f).remove(f.name());
        return new Mutated("missing-field", body, f.name(), true);
    }

    private Mutated nullValue(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return unknownField(body, null);
        }
        parent(body, f).putNull(f.name());
        boolean mustReject = f.required() || f.field().getType().isPrimitive();
        return new Mutated("null-field", body, mustReject ? f.name() : null, mustReject);
    }

    private Mutated wrongType(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return unknownField(body, null);
        }
        Class<?> type = f.field().getType();
        JsonNode replacement = switch (random.nextInt(4)) {
            case 0 -> NODES.objectNode().put("value", ValidBodies.PERSONAL.get(0));
            case 1 -> NODES.arrayNode().add(ValidBodies.PERSONAL.get(1));
            case 2 -> NODES.textNode(ValidBodies.PERSONAL.get(2));
            default -> NODES.booleanNode(true);
        };
        boolean mustReject;
        if (Collection.class.isAssignableFrom(type)) {
            boolean ofText = f.field().getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] == String.class;
            mustReject = !(replacement.isArray() && ofText);
        } else if (type.isRecord() && !ValidBodies.isIdentifier(type)) {
            mustReject = true;
        } else {
            boolean isText = type == String.class;
            mustReject = replacement.isContainerNode() || (replacement.isTextual() && !isText);
        }
        parent(body, f).set(f.name(), replacement);
        return new Mutated("wrong-type", body, mustReject ? f.name() : null, mustReject);
    }

    private Mutated oversize(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return unknownField(body, null);
        }
        if (f.field().getType() == String.class) {
            parent(body, f).put(f.name(), text(f.maxSize() + 1 + random.nextInt(3)));
        } else {
            ArrayNode list = parent(body, f).putArray(f.name());
            for (int i = 0; i <= f.maxSize(); i++) {
                list.add("Fuzzsecret " + i);
            }
        }
        return new Mutated("oversize", body, f.name(), true);
    }

    private Mutated number(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return expectedSequence(body);
        }
        Object[] values = {-1, 0, 1, Long.MAX_VALUE, Long.MIN_VALUE, new BigInteger("9223372036854775808"), 1.5, 1e300,
                -0.0, 2147483648L, 1_000_000_001L, "12", "-"};
        Object v = values[random.nextInt(values.length)];
        JsonNode node = v instanceof String s ? NODES.textNode(s) : v instanceof BigInteger b ? NODES.numberNode(b)
                : v instanceof Double d ? NODES.numberNode(d) : NODES.numberNode(((Number) v).longValue());
        parent(body, f).set(f.name(), node);
        boolean integral = node.isIntegralNumber() && node.canConvertToLong();
        boolean intOverflow = (f.field().getType() == int.class || f.field().getType() == Integer.class) && node.isIntegralNumber()
                && !node.canConvertToInt();
        boolean mustReject = (node.isNumber() && !integral) || intOverflow || "-".equals(v);
        return new Mutated("boundary-number", body, mustReject ? f.name() : null, mustReject);
    }

    private Mutated date(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return expectedSequence(body);
        }
        boolean bad = random.nextBoolean();
        String value = bad ? BAD_DATES.get(random.nextInt(BAD_DATES.size())) : EDGE_DATES.get(random.nextInt(EDGE_DATES.size()));
        parent(body, f).put(f.name(), value);
        return new Mutated(bad ? "invalid-date" : "edge-date", body, bad ? f.name() : null, bad);
    }

    private Mutated unknownField(ObjectNode body, ValidBodies.FieldInfo nested) {
        JsonNode inner = nested == null ? null : parent(body, nested).get(nested.name());
        ObjectNode target = inner instanceof ObjectNode o ? o : body;
        boolean personal = random.nextInt(3) == 0;
        String name = personal ? ValidBodies.PERSONAL.get(random.nextInt(ValidBodies.PERSONAL.size()))
                : UNKNOWN_FIELDS.get(random.nextInt(UNKNOWN_FIELDS.size()));
        target.put(name, ValidBodies.PERSONAL.get(random.nextInt(ValidBodies.PERSONAL.size())));
        return new Mutated("unknown-field", body, personal ? null : name, true);
    }

    private Mutated unknownEnum(ObjectNode body, ValidBodies.FieldInfo f) {
        if (f == null) {
            return unknownField(body, null);
        }
        String valid = f.field().getType().getEnumConstants()[0].toString();
        String[] values = {valid.toLowerCase(), "", "UNKNOWN", ValidBodies.PERSONAL.get(random.nextInt(ValidBodies.PERSONAL.size()))};
        parent(body, f).put(f.name(), values[random.nextInt(values.length)]);
        return new Mutated("unknown-enum", body, f.name(), true);
    }

    /** Optimistic locking at its edges: a future, negative or absurd sequence is a conflict, never a write. */
    private Mutated expectedSequence(ObjectNode body) {
        long[] values = {-1, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE};
        body.put("expectedSequence", values[random.nextInt(values.length)]);
        return new Mutated("stale-or-future-sequence", body, null, true);
    }

    private String text(int length) {
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append("Fuzzsecret ");
        }
        return s.substring(0, length);
    }

    private ValidBodies.FieldInfo pick(List<ValidBodies.FieldInfo> fields, Predicate<ValidBodies.FieldInfo> filter) {
        List<ValidBodies.FieldInfo> matching = fields.stream().filter(filter).toList();
        return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
    }

    private static ObjectNode parent(ObjectNode body, ValidBodies.FieldInfo f) {
        JsonNode node = body;
        for (String step : f.path().subList(0, f.path().size() - 1)) {
            node = node.get(step);
            if (node == null || !node.isObject()) {
                return null;
            }
        }
        return (ObjectNode) node;
    }

    private static boolean isNumber(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }
}
