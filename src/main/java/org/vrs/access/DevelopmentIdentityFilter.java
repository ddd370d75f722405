package org.vrs.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vrs.casefile.api.Agency;
import org.vrs.casefile.api.AgencyId;

/**
 * DEVELOPMENT ONLY: takes the acting user, agency and role from request headers, for quick local
 * experiments without minting a token. Anyone can claim any role this way, so it is enabled only by
 * {@code vrs.dev-identity=true} (off by default, also in the {@code dev} profile) and refused with an
 * external database.
 */
final class DevelopmentIdentityFilter extends OncePerRequestFilter {
    static final String USER = "X-VRS-Dev-User";
    static final String AGENCY = "X-VRS-Dev-Agency";
    static final String ROLE = "X-VRS-Dev-Role";

    private final AgencyRegistry agencies;

    DevelopmentIdentityFilter(AgencyRegistry agencies) {
        this.agencies = agencies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getHeader(USER);
        String agency = request.getHeader(AGENCY);
        String role = request.getHeader(ROLE);
        if (user != null && agency != null && role != null) {
            try {
                AgencyId agencyId = new AgencyId(agency);
                Agency known = agencies.find(agencyId).orElse(null);
                Actor actor = new Actor(user.length() > 64 ? user.substring(0, 64) : user, agencyId, Role.valueOf(role),
                        known == null ? null : known.province(), known == null ? null : known.commune());
                SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
            } catch (IllegalArgumentException e) {
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
