package org.vrs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.CommandPolicy;
import org.vrs.casefile.api.FileCommand;
import org.vrs.casefile.api.OpenFile;
import org.vrs.imports.FileImports;

/**
 * {@code POST /api/v1/imports}: a batch of whole files from a paper register or a legacy system.
 * Each command is bound and authorised exactly as on its own endpoint, then the batch runs in one
 * transaction through {@link FileImports}; any refusal rejects the whole batch, naming where.
 */
@RestController
@RequestMapping(path = "/api/v1/imports", produces = MediaType.APPLICATION_JSON_VALUE)
class ImportController {
    static final String OPEN_FILE = "open-file";
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    // a register number, never a name: it is stored in clear metadata
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._:-]{0,63}");

    private final FileImports imports;
    private final CommandBinding binding;
    private final int maxFiles;
    private final int maxCommands;

    ImportController(FileImports imports, ObjectMapper json,
                     @Value("${vrs.import.max-files:500}") int maxFiles,
                     @Value("${vrs.import.max-commands:20000}") int maxCommands) {
        this.imports = imports;
        this.binding = new CommandBinding(json);
        this.maxFiles = maxFiles;
        this.maxCommands = maxCommands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ObjectNode importFiles(@RequestBody JsonNode body, @AuthenticationPrincipal Actor actor) {
        if (!CommandPolicy.allows(actor.role(), OpenFile.class)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "role " + actor.role() + " may not import files");
        }
        if (!(body instanceof ObjectNode request)) {
            throw invalid("the request body must be a JSON object with 'source' and 'files'");
        }
        unknownFields(request, "request", Set.of("source", "files"));
        String source = text(request, "source", "request");
        if (!SOURCE.matcher(source).matches()) {
            throw invalid("'source' must be a code of lower-case letters, digits and '-', at most 64 characters");
        }
        JsonNode files = request.get("files");
        if (!(files instanceof ArrayNode list) || list.isEmpty() || list.size() > maxFiles) {
            throw invalid("'files' must be an array of 1 to " + maxFiles + " files");
        }
        List<FileImports.ImportFile> batch = new ArrayList<>(list.size());
        Set<String> references = new HashSet<>();
        int total = 0;
        for (int f = 0; f < list.size(); f++) {
            String where = "file " + f;
            if (!(list.get(f) instanceof ObjectNode file)) {
                throw invalid(where + ": must be a JSON object with 'reference' and 'commands'");
            }
            unknownFields(file, where, Set.of("reference", "commands"));
            String reference = text(file, "reference", where);
            if (!REFERENCE.matcher(reference).matches()) {
                throw invalid(where + ": 'reference' must be a register number of letters, digits and / . _ : -, at most 64 characters");
            }
            if (!references.add(reference)) {
                throw invalid(where + ": reference " + reference + " appears twice in the batch");
            }
            where = "file " + f + " (" + reference + ")";
            JsonNode commands = file.get("commands");
            if (!(commands instanceof ArrayNode steps) || steps.isEmpty()) {
                throw invalid(where + ": 'commands' must be a non-empty array, the first opening the file");
            }
            total += steps.size();
            if (total > maxCommands) {
                throw invalid("a batch holds at most " + maxCommands + " commands");
            }
            batch.add(new FileImports.ImportFile(reference, bind(steps, where, actor)));
        }
        FileImports.Result result = imports.run(UUID.randomUUID().toString(), batch, actor.metadata("import-" + source));
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("importId", result.importId()).put("source", source).put("events", result.events());
        ArrayNode out = answer.putArray("files");
        result.files().forEach(i -> out.addObject().put("reference", i.reference()).put("fileId", i.fileId()).put("lastSequence", i.lastSequence()));
        return answer;
    }

    private List<FileCommand> bind(ArrayNode steps, String where, Actor actor) {
        String fileId = UUID.randomUUID().toString();
        List<FileCommand> commands = new ArrayList<>(steps.size());
        for (int c = 0; c < steps.size(); c++) {
            String at = where + ", command " + c;
            if (!(steps.get(c) instanceof ObjectNode step)) {
                throw invalid(at + ": must be a JSON object with 'command' and 'body'");
            }
            unknownFields(step, at, Set.of("command", "body"));
            String name = text(step, "command", at);
            if ((c == 0) != OPEN_FILE.equals(name)) {
                throw invalid(at + ": " + (c == 0 ? "a file's first command must be " + OPEN_FILE : OPEN_FILE + " may only come first"));
            }
            Class<? extends FileCommand> type = c == 0 ? OpenFile.class : CommandCatalogue.byName(name)
                    .orElseThrow(() -> invalid(at + ": no file command is named '" + ApiException.clip(name) + "'; known: "
                            + OPEN_FILE + ", " + CommandCatalogue.names()));
            if (!CommandPolicy.allows(actor.role(), type)) {
                throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", at + ": role " + actor.role() + " may not " + name);
            }
            try {
                commands.add(binding.bind(step.get("body"), type, fileId, CommandCatalogue.createdIdField(type).orElse(null)));
            } catch (ApiException e) {
                throw new ApiException(e.status(), e.code(), at + " (" + name + "): " + e.getMessage());
            }
        }
        return commands;
    }

    private static String text(ObjectNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(where + ": '" + field + "' is required and must be a string");
        }
        return value.asText();
    }

    private static void unknownFields(ObjectNode node, String where, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(where + ": unknown field '" + ApiException.clip(name) + "'; expected " + known);
            }
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-import", message);
    }
}
