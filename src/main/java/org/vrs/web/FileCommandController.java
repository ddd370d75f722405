package org.vrs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.CommandPolicy;
import org.vrs.casefile.api.FileCommand;
import org.vrs.casefile.api.FileId;
import org.vrs.casefile.api.OpenFile;

/**
 * One JSON endpoint per file command: {@code POST /api/v1/files} opens a file,
 * {@code POST /api/v1/files/{fileId}/{command}} sends any other command named in kebab case.
 * Declaring what it produces makes an unacceptable {@code Accept} a 406 before the command runs,
 * never after its events are stored.
 */
@RestController
@RequestMapping(path = "/api/v1/files", produces = MediaType.APPLICATION_JSON_VALUE)
class FileCommandController {
    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final CommandGateway commands;
    private final CommandBinding binding;

    FileCommandController(CommandGateway commands, ObjectMapper json) {
        this.commands = commands;
        this.binding = new CommandBinding(json);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CommandResult open(@RequestBody JsonNode body, @AuthenticationPrincipal Actor actor,
                       @RequestHeader(value = "X-VRS-Reason", required = false) String reason) {
        String fileId = UUID.randomUUID().toString();
        OpenFile command = binding.bind(body, OpenFile.class, fileId, null);
        send(command, actor, reason);
        return new CommandResult(fileId, 0, null);
    }

    @PostMapping("/{fileId}/{command}")
    CommandResult command(@PathVariable FileId fileId, @PathVariable("command") String name, @RequestBody JsonNode body,
                          @AuthenticationPrincipal Actor actor,
                          @RequestHeader(value = "X-VRS-Reason", required = false) String reason) {
        Class<? extends FileCommand> type = CommandCatalogue.byName(name)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "unknown-command",
                        "no file command is named '" + ApiException.clip(name) + "'; known: " + CommandCatalogue.names()));
        String createdField = CommandCatalogue.createdIdField(type).orElse(null);
        FileCommand command = binding.bind(body, type, fileId.value(), createdField);
        long sequence = send(command, actor, reason);
        String created = createdField == null ? null : ((ObjectNode) body).get(createdField).asText();
        return new CommandResult(fileId.value(), sequence, created);
    }

    private long send(FileCommand command, Actor actor, String reason) {
        if (!CommandPolicy.allows(actor.role(), command.getClass())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden",
                    "role " + actor.role() + " may not " + CommandCatalogue.httpName(command.getClass()));
        }
        if (reason != null && !REASON_CODE.matcher(reason).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-request",
                    "X-VRS-Reason must be a code of lower-case letters, digits and '-', at most 64 characters");
        }
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(actor.metadata(reason)));
        return result instanceof Long sequence ? sequence : 0L;
    }
}
