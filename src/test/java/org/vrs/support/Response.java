package org.vrs.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Map;

public record Response(int status, String body, HttpHeaders headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Response(int status, String body) {
        this(status, body, HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public String text(String field) {
        return json().get(field).asText();
    }

    /** The first value of a response header, or "" when absent. */
    public String header(String name) {
        return headers.firstValue(name).orElse("");
    }
}
