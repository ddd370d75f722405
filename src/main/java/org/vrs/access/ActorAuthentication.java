package org.vrs.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Actor}, so {@code @AuthenticationPrincipal Actor} works in controllers
 * whichever way the actor was established. It keeps no credentials: the bearer token is not needed
 * after verification and must not travel further (into logs, events or error bodies).
 */
final class ActorAuthentication extends AbstractAuthenticationToken {
    private final Actor actor;

    ActorAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name())));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return actor.userId();
    }
}
