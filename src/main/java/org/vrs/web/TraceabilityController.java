package org.vrs.web;

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

/** Traceability checks for auditors, limited to their jurisdiction. Findings carry ids and positions, no content. */
@RestController
@RequestMapping("/api/v1/audit")
class TraceabilityController {
    private final TraceabilityChecks checks;

    TraceabilityController(TraceabilityChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/traceability")
    TraceabilityChecks.Report run(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String province) {
        if (actor.role() != Role.AUDITOR) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "traceability checks are for auditors");
        }
        boolean national = FileAccessPolicy.NATIONAL.equals(actor.province());
        if (!national && province != null && !province.equals(actor.province())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "province " + ApiException.clip(province) + " is outside your jurisdiction");
        }
        return checks.run(national ? province : actor.province(), n -> { });
    }
}
