package org.vrs.web;

import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.FileAccessPolicy;
import org.vrs.access.Role;
import org.vrs.audit.TraceabilityChecks;

/**
 * Traceability checks for auditors, limited to their jurisdiction and optionally to a period
 * ({@code from} inclusive, {@code to} exclusive, on the proving event's time). Findings carry ids,
 * positions and leaf indexes, no content.
 */
@RestController
@RequestMapping("/api/v1/audit")
class TraceabilityController {
    private final TraceabilityChecks checks;

    TraceabilityController(TraceabilityChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/traceability")
    TraceabilityChecks.Report run(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String province,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        if (actor.role() != Role.AUDITOR) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "traceability checks are for auditors");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "query parameter 'to' must be after 'from'");
        }
        boolean national = FileAccessPolicy.NATIONAL.equals(actor.province());
        if (!national && province != null && !province.equals(actor.province())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "province " + ApiException.clip(province) + " is outside your jurisdiction");
        }
        return checks.runIn(new TraceabilityChecks.Scope(national ? province : actor.province(), from, to), n -> { });
    }
}
