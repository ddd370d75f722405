package org.vrs.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What a command returns: the file, its new sequence number, and the id of an entry it created. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CommandResult(String fileId, long sequence, String id) {
}
