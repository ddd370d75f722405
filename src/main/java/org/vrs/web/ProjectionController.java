package org.vrs.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vrs.access.Actor;
import org.vrs.access.Role;
import org.vrs.views.Projections;

/** Projection administration for the system administrator: no personal content passes here. */
@RestController
@RequestMapping("/api/v1/admin/projections")
class ProjectionController {
    private final Projections projections;

    ProjectionController(Projections projections) {
        this.projections = projections;
    }

    @GetMapping
    List<Projections.Progress> list(@AuthenticationPrincipal Actor actor) {
        requireAdmin(actor);
        return projections.all().keySet().stream().map(projections::progress).toList();
    }

    @PostMapping("/{name}/rebuild")
    Projections.Progress rebuild(@PathVariable String name, @AuthenticationPrincipal Actor actor) {
        requireAdmin(actor);
        try {
            projections.rebuild(name);
            return projections.progress(name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.NOT_FOUND, "unknown-projection", e.getMessage());
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor.role() != Role.SYSTEM_ADMINISTRATOR) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "projection administration is for the system administrator");
        }
    }
}
