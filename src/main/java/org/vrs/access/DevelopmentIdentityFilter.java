package org.vrs.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.vrs.casefile.api.AgencyId;

/**
 * DEVELOPMENT ONLY: takes the acting user, agency and role from request headers, until bearer
 * tokens arrive. Enabled only by {@code vrs.dev-identity=true}, refused with an external database.
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
                String province = agencies.find(agencyId).map(a -> a.province()).orElse(null);
                Actor actor = new Actor(user.length() > 64 ? user.substring(0, 64) : user, agencyId, Role.valueOf(role), province);
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null,
                        List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()))));
            } catch (IllegalArgumentException e) {
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
