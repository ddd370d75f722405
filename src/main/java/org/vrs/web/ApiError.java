package org.vrs.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of every error response: a status, a stable code, and a sentence naming the problem. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record ApiError(int status, String error, String message, List<String> violations) {
}
