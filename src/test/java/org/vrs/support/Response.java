package org.vrs.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP response as a test sees it; {@code headers} is every header line, for leak scans. */
public record Response(int status, String body, String headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

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
}
