package org.vrs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code traceability}: runs the service's traceability checks ({@code GET
 * /api/v1/audit/traceability}) and prints the findings grouped by check. Fields are printed as the
 * service names them, so fields the service adds later (a leaf index, the period) show up unchanged.
 */
@Command(name = "traceability", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the traceability checks on the running service (auditors only) over the whole store or one "
                + "province and period, and prints the findings grouped by check with a count per check."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no findings", "3:findings were printed",
                "2:usage error (unknown option, missing value, unreadable token file)",
                "4:no token, or the service did not accept it (401)",
                "5:the service refused the caller's role or jurisdiction (403)",
                "6:not found (404)",
                "7:the service refused the request as invalid (400 or another 4xx)",
                "8:the service could not be reached or failed (5xx, connection refused, timeout)"})
final class TraceabilityCommand implements Callable<Integer> {

    static final int FINDINGS = 3;

    @Option(names = "--province", description = "limit the checks to one province (national auditors; others get their own)")
    String province;
    @Option(names = "--from", description = "start of the period: an instant (2026-01-01T00:00:00Z) or a day (2026-01-01, from its start in Vietnam)")
    String from;
    @Option(names = "--to", description = "end of the period: an instant (exclusive) or a day (2026-12-31, included to its end in Vietnam)")
    String to;
    @Option(names = "--json", description = "print the service's JSON report as one line")
    boolean json;
    @Mixin
    ServiceApi.Options service;
    @Spec
    CommandSpec spec;

    /** Auditors think in days: a plain date becomes the start of that day (or of the next, for an end) in Vietnam. */
    static String instant(String value, int daysAfter) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(daysAfter).atStartOfDay(VIETNAM).toInstant().toString();
        } catch (DateTimeParseException notADate) {
            return value; // passed on: the service checks it and names the parameter if it is wrong
        }
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            ServiceApi api = ServiceApi.open(service);
            JsonNode report = api.get("/api/v1/audit/traceability",
                    ServiceApi.query("province", province, "from", instant(from, 0), "to", instant(to, 1)), Map.of());
            JsonNode findings = report.path("findings");
            if (json) {
                out.println(report.toString());
            } else {
                print(report, out);
            }
            return findings.size() == 0 ? ServiceApi.OK : FINDINGS;
        } catch (ServiceApi.Failure e) {
            err.println("traceability: " + e.getMessage());
            return e.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static void print(JsonNode report, PrintWriter out) {
        List<String> summary = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getKey().equals("findings")) {
                summary.add(Text.clean(field.getKey()) + "=" + Text.cell(field.getValue()));
            }
        }
        JsonNode findings = report.path("findings");
        Map<String, List<JsonNode>> byCheck = new LinkedHashMap<>();
        findings.forEach(f -> byCheck.computeIfAbsent(Text.cell(f.get("check")), c -> new ArrayList<>()).add(f));
        out.println("traceability: " + findings.size() + " finding(s) in " + byCheck.size() + " check(s)"
                + (summary.isEmpty() ? "" : "; " + String.join(", ", summary)));
        byCheck.forEach((check, group) -> {
            out.println();
            out.println(check + ": " + group.size());
            Set<String> keys = new LinkedHashSet<>();
            group.forEach(f -> f.fieldNames().forEachRemaining(keys::add));
            keys.remove("check");
            Text.Table table = new Text.Table(keys.stream().map(Text::clean).toArray(String[]::new));
            for (JsonNode finding : group) {
                table.add(keys.stream().map(k -> Text.cell(finding.get(k))).toArray(String[]::new));
            }
            table.print(out, "  ");
        });
    }
}
