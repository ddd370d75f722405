package org.vrs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code history FILE_ID}: a file's timeline from the running service ({@code GET
 * /api/v1/files/{id}/history}, every page), redacted by the service for the caller's role. Each
 * page read is recorded by the service as a read of the file under the given purpose.
 */
@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints a file's timeline from the running service: every event in order with its time, actor, "
                + "agency, role, reason, correlation id, leaf index (when the service gives it) and its content as the "
                + "service redacted it for the caller's role. The service records the read under --purpose."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the timeline was printed", "2:usage error (unknown option, missing value, unreadable token file)",
                "4:no token, or the service did not accept it (401)",
                "5:the service refused the caller's role or jurisdiction (403)",
                "6:not found, or outside the caller's scope (404)",
                "7:the service refused the request as invalid (400 or another 4xx), e.g. a missing purpose",
                "8:the service could not be reached or failed (5xx, connection refused, timeout)"})
final class HistoryCommand implements Callable<Integer> {

    /** Metadata the table shows in its own columns, in order, with their headings. */
    private static final Map<String, String> COLUMNS = columns();
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("sequence", "eventId", "time", "type", "fields", "withheld");

    @Parameters(index = "0", paramLabel = "FILE_ID", description = "the file's id")
    String fileId;
    @Option(names = "--purpose", required = true, paramLabel = "CODE",
            description = "why you read the file, sent as X-VRS-Purpose and recorded (3-64 of a-z, 0-9, '-')")
    String purpose;
    @Option(names = "--json", description = "print each event as one line of the service's JSON")
    boolean json;
    @Option(names = "--page-size", defaultValue = "500", description = "events per request (1-1000); default: ${DEFAULT-VALUE}")
    int pageSize;
    @Mixin
    ServiceApi.Options service;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (pageSize < 1 || pageSize > 1000) {
                throw new ServiceApi.Failure(ServiceApi.USAGE, "--page-size must be between 1 and 1000");
            }
            ServiceApi api = ServiceApi.open(service);
            String path = "/api/v1/files/" + ServiceApi.pathSegment(fileId) + "/history";
            List<JsonNode> events = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode body = api.get(path, ServiceApi.query("page", String.valueOf(page), "size", String.valueOf(pageSize)),
                        Map.of("X-VRS-Purpose", purpose));
                JsonNode batch = body.path("events");
                for (JsonNode event : batch) {
                    if (json) {
                        out.println(event.toString());
                    } else {
                        events.add(event);
                    }
                }
                // the page size the service says it served, should it cap the one asked for
                if (batch.size() == 0 || batch.size() < body.path("size").asInt(pageSize)) {
                    break;
                }
            }
            if (!json) {
                printTable(events, out);
            }
            return ServiceApi.OK;
        } catch (ServiceApi.Failure e) {
            err.println("history: " + e.getMessage());
            return e.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void printTable(List<JsonNode> events, PrintWriter out) {
        boolean leaves = events.stream().anyMatch(e -> e.has("leafIndex"));
        List<String> header = new ArrayList<>(List.of("SEQ", "TIME", "TYPE"));
        COLUMNS.forEach((key, heading) -> {
            if (!key.equals("leafIndex") || leaves) {
                header.add(heading);
            }
        });
        header.add("CONTENT");
        Text.Table table = new Text.Table(header.toArray(String[]::new));
        for (JsonNode event : events) {
            List<String> row = new ArrayList<>(List.of(Text.cell(event.get("sequence")), Text.cell(event.get("time")),
                    Text.cell(event.get("type"))));
            COLUMNS.keySet().forEach(key -> {
                if (!key.equals("leafIndex") || leaves) {
                    row.add(Text.cell(event.get(key)));
                }
            });
            row.add(content(event, fileId));
            table.add(row.toArray(String[]::new));
        }
        out.println("file " + Text.clean(fileId) + ": " + events.size() + " event(s), content as redacted by the service");
        table.print(out, "");
    }

    /**
     * Shown fields as {@code name=value} (but the file's own id), masked ones as {@code name=(masked)},
     * then the withheld names and any keys the table has no column for.
     */
    private static String content(JsonNode event, String fileId) {
        StringJoiner parts = new StringJoiner("  ");
        StringJoiner shown = new StringJoiner(", ");
        for (Iterator<Map.Entry<String, JsonNode>> it = event.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("fileId") && value.asText().equals(fileId)) {
                continue;
            }
            boolean masked = value.isObject() && value.path("masked").asBoolean(false);
            String text = masked ? (value.has("province") ? "(masked, province " + Text.cell(value.get("province")) + ")" : "(masked)")
                    : Text.cell(value);
            shown.add(Text.clean(field.getKey()) + "=" + text);
        }
        if (shown.length() > 0) {
            parts.add(shown.toString());
        }
        if (event.path("withheld").size() > 0) {
            StringJoiner withheld = new StringJoiner(",", "withheld: ", "");
            event.path("withheld").forEach(name -> withheld.add(Text.cell(name)));
            parts.add(withheld.toString());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> other = it.next();
            if (!SHOWN_ELSEWHERE.contains(other.getKey()) && !COLUMNS.containsKey(other.getKey())) {
                parts.add(Text.clean(other.getKey()) + "=" + Text.cell(other.getValue()));
            }
        }
        return parts.toString();
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        columns.put("actorId", "ACTOR");
        columns.put("agencyId", "AGENCY");
        columns.put("role", "ROLE");
        columns.put("reasonCode", "REASON");
        columns.put("correlationId", "CORRELATION");
        columns.put("leafIndex", "LEAF");
        return columns;
    }
}
