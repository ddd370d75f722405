package org.vrs.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.AccessDecision;
import org.vrs.access.AccessLog;
import org.vrs.access.Actor;
import org.vrs.access.Disclosure;
import org.vrs.access.FileAccessPolicy;
import org.vrs.access.RedactionPolicy;
import org.vrs.access.Role;
import org.vrs.casefile.api.DataCategory;
import org.vrs.views.FileQueries;

/**
 * Search, deadlines and statistics. Results carry case administration only; a name search is
 * allowed only to roles that may see identity in full, so it cannot confirm a name to anyone else.
 */
@RestController
@RequestMapping("/api/v1")
class FileSearchController {
    static final int MIN_CELL = 11;

    private final FileQueries queries;
    private final RedactionPolicy redaction;
    private final AccessLog accessLog;
    private final Clock clock;

    FileSearchController(FileQueries queries, RedactionPolicy redaction, AccessLog accessLog, Clock clock) {
        this.queries = queries;
        this.redaction = redaction;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/files")
    List<FileQueries.FileSummary> search(@AuthenticationPrincipal Actor actor,
                                         @RequestParam(required = false) String fileNumber, @RequestParam(required = false) String status,
                                         @RequestParam(required = false) String province, @RequestParam(required = false) String agency,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
                                         @RequestParam(required = false) String regime, @RequestParam(required = false) String riskLevel,
                                         @RequestParam(required = false) String name, @RequestParam(required = false) Boolean closed,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Map<DataCategory, Disclosure> row = redaction.forRole(actor.role())
                .orElseThrow(() -> new ApiException(HttpStatus.FORBIDDEN, "forbidden", "role " + actor.role() + " reads no file"));
        if (name != null && row.get(DataCategory.IDENTITY) != Disclosure.FULL) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "role " + actor.role() + " may not search by name");
        }
        if (page < 0 || size < 1 || size > 200) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "page must be >= 0 and size between 1 and 200");
        }
        boolean auditor = actor.role() == Role.AUDITOR;
        List<FileQueries.FileSummary> hits = queries.search(actor, auditor,
                new FileQueries.Criteria(fileNumber, status, province, agency, receivedFrom, receivedTo, regime, riskLevel, name, closed),
                page, size, LocalDate.now(clock));
        Map<DataCategory, Disclosure> shown = new java.util.EnumMap<>(DataCategory.class);
        shown.put(DataCategory.CASE_ADMIN, Disclosure.FULL);
        hits.forEach(hit -> accessLog.read(actor, new org.vrs.access.FileScope(hit.fileId(),
                        new org.vrs.casefile.api.AgencyId(hit.ownerAgency()), hit.province(), List.of(), false),
                "SEARCH", "search", new AccessDecision.Granted(auditor ? AccessDecision.Basis.AUDIT : AccessDecision.Basis.OWNER, shown, null)));
        return hits;
    }

    @GetMapping("/deadlines")
    List<FileQueries.Deadline> deadlines(@AuthenticationPrincipal Actor actor, @RequestParam(defaultValue = "false") boolean overdue) {
        if (redaction.forRole(actor.role()).isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "role " + actor.role() + " reads no file");
        }
        return queries.deadlines(actor, actor.role() == Role.AUDITOR, overdue, LocalDate.now(clock));
    }

    /** Counts with every cell under 11 suppressed (as the IOM's public data set does). */
    @GetMapping("/statistics")
    Map<String, Object> statistics(@AuthenticationPrincipal Actor actor, @RequestParam String by) {
        if (actor.role() != Role.STATISTICIAN && actor.role() != Role.AUDITOR) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "statistics are for statisticians and auditors");
        }
        if (!List.of("province", "year", "channel", "status", "exploitation").contains(by)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "by must be one of province, year, channel, status, exploitation");
        }
        Map<String, Object> cells = new TreeMap<>();
        queries.counts(by).forEach((key, count) -> cells.put(key, count < MIN_CELL ? "<" + MIN_CELL : count));
        return Map.of("by", by, "minimumCell", MIN_CELL, "counts", cells);
    }
}
