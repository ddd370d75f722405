package org.vrs.web;

import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.Role;
import org.vrs.audit.AccessReview;

/** Access review for auditors: reads by file, user, agency and period; readers ranked by what is unusual. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {
    private final AccessReview review;

    AuditController(AccessReview review) {
        this.review = review;
    }

    @GetMapping("/reads")
    List<AccessReview.Read> reads(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String fileId,
                                  @RequestParam(required = false) String actorId, @RequestParam(required = false) String agencyId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                  @RequestParam(required = false) Boolean breakGlass, @RequestParam(required = false) Boolean refused,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        requireAuditor(actor);
        if (page < 0 || size < 1 || size > 1000) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-parameter", "page must be >= 0 and size between 1 and 1000");
        }
        return review.reads(new AccessReview.Filter(fileId, actorId, agencyId, from, to, breakGlass, refused), page, size);
    }

    @GetMapping("/readers")
    List<AccessReview.Reader> readers(@AuthenticationPrincipal Actor actor, @RequestParam(required = false) String agencyId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                      @RequestParam(defaultValue = "50") int limit) {
        requireAuditor(actor);
        return review.readers(new AccessReview.Filter(null, null, agencyId, from, to, null, null), Math.min(Math.max(limit, 1), 1000));
    }

    private static void requireAuditor(Actor actor) {
        if (actor.role() != Role.AUDITOR) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "access review is for auditors");
        }
    }
}
