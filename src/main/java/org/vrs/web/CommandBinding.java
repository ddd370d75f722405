package org.vrs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.vrs.casefile.api.FileCommand;

/**
 * Binds one command's JSON strictly (unknown fields, unknown enum values and impossible dates are
 * 400s) with the file id the caller addressed; a command that creates an entry gets a new id for
 * it unless the body names one. Shared by the command endpoints and bulk import, so an imported
 * command is read exactly as a live one.
 */
final class CommandBinding {
    private final ObjectMapper json;

    CommandBinding(ObjectMapper json) {
        this.json = json;
    }

    <T extends FileCommand> T bind(JsonNode body, Class<T> type, String fileId, String createdField) {
        if (!(body instanceof ObjectNode object)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-request", "the request body must be a JSON object");
        }
        JsonNode given = object.get("fileId");
        if (given != null && !given.isNull() && !fileId.equals(given.asText())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-request", "fileId in the body differs from the file in the path");
        }
        object.put("fileId", fileId);
        if (createdField != null && (object.get(createdField) == null || object.get(createdField).isNull())) {
            object.put(createdField, UUID.randomUUID().toString());
        }
        try {
            return json.treeToValue(object, type);
        } catch (JsonProcessingException e) {
            throw ApiException.fromJson(e);
        } catch (IllegalArgumentException e) {
            throw ApiException.fromJson(e.getCause() instanceof JsonProcessingException j ? j : null);
        }
    }
}
