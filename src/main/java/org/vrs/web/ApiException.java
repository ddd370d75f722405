package org.vrs.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A refusal the web layer itself makes. Messages name the field and what was expected, never the
 * value sent: a mistyped field may hold a name or an address.
 */
class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;

    ApiException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    /**
     * A name the client sent (a field or command name), quoted back only when it looks like one: a
     * "name" with spaces or diacritics is more likely a person's name sent in the wrong place.
     */
    static String clip(String s) {
        return s != null && NAME.matcher(s).matches() ? s : "(not shown)";
    }

    static ApiException fromJson(Throwable e) {
        if (e instanceof StreamConstraintsException) {
            return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "a JSON value exceeds the size limits");
        }
        if (e instanceof JsonParseException p) {
            return new ApiException(HttpStatus.BAD_REQUEST, "malformed-json", "malformed JSON at line "
                    + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return bad("unknown field '" + clip(u.getPropertyName()) + "'" + at(u));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return bad("field " + path(f) + " must be one of: " + allowed);
        }
        if (e instanceof InvalidFormatException f) {
            return bad("field " + path(f) + " must be " + expected(f.getTargetType()));
        }
        if (e instanceof ValueInstantiationException v) {
            String why = v.getCause() instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && !iae.getMessage().contains("\"") ? iae.getMessage() : "has an invalid value";
            return bad("field " + path(v) + " " + why);
        }
        if (e instanceof MismatchedInputException m) {
            return bad("field " + path(m) + " must be " + expected(m.getTargetType()));
        }
        if (e instanceof JsonMappingException m) {
            return bad("field " + path(m) + " has an invalid value");
        }
        return bad("the request body is not valid JSON for this command");
    }

    private static ApiException bad(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-field", message);
    }

    private static String at(JsonMappingException e) {
        String p = path(e);
        return p.equals("'(body)'") ? "" : " at " + p;
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? clip(ref.getFieldName()) : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return "'" + (p.isEmpty() ? "(body)" : p) + "'";
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "of the right type";
        }
        if (type == java.time.LocalDate.class) {
            return "a real calendar date as YYYY-MM-DD";
        }
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
            return "a whole number" + (type == int.class || type == Integer.class ? " up to 2147483647" : "");
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "a date and time as YYYY-MM-DDThh:mm:ssZ";
        }
        return "a JSON value of type " + type.getSimpleName();
    }
}
