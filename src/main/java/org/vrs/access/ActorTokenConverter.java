package org.vrs.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.vrs.casefile.api.Agency;
import org.vrs.casefile.api.AgencyId;

/**
 * Turns a verified token into the {@link Actor} the controllers receive. Signature, issuer and
 * lifetime are checked before this; here the claims must name a registered agency active today, a
 * known role and a jurisdiction inside the agency's, or the request is a 401: a token that a
 * misconfigured issuer signed is refused rather than guessed at. Messages name the claim, never its
 * value, because they go back in the {@code WWW-Authenticate} header.
 */
final class ActorTokenConverter implements Converter<Jwt, ActorAuthentication> {
    /** No '@': the user id is stored in clear event metadata, so an e-mail address must not be one. */
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern PLACE = Pattern.compile("\\*|[A-Z0-9_-]{1,32}");
    private static final String NATIONAL = "*";

    private final AgencyRegistry agencies;
    private final Clock clock;

    ActorTokenConverter(AgencyRegistry agencies, Clock clock) {
        this.agencies = agencies;
        this.clock = clock;
    }

    @Override
    public ActorAuthentication convert(Jwt jwt) {
        String user = required(jwt, JwtClaimNames.SUB, USER);
        Role role = role(required(jwt, TokenRules.ROLE, null));
        Agency agency = agency(required(jwt, TokenRules.AGENCY, null));
        String province = required(jwt, TokenRules.PROVINCE, PLACE);
        String commune = optional(jwt, TokenRules.COMMUNE, PLACE);
        if (!NATIONAL.equals(agency.province()) && !agency.province().equals(province)) {
            throw refused("claim 'province' lies outside the agency's province");
        }
        if (agency.commune() != null && commune != null && !agency.commune().equals(commune)) {
            throw refused("claim 'commune' lies outside the agency's commune");
        }
        // a commune's agency acts for its commune only, whether or not the issuer says so
        String jurisdictionCommune = agency.commune() != null ? agency.commune() : commune;
        return new ActorAuthentication(new Actor(user, agency.id(), role, province, jurisdictionCommune));
    }

    private Agency agency(String claim) {
        AgencyId id;
        try {
            id = new AgencyId(claim);
        } catch (IllegalArgumentException e) {
            throw refused("claim 'agency' is not an agency id");
        }
        return agencies.find(id).filter(a -> a.activeOn(LocalDate.now(clock)))
                .orElseThrow(() -> refused("claim 'agency' names no agency of the registry active today"));
    }

    private static Role role(String claim) {
        try {
            return Role.valueOf(claim);
        } catch (IllegalArgumentException e) {
            throw refused("claim 'role' names no known role");
        }
    }

    private static String required(Jwt jwt, String claim, Pattern form) {
        String value = optional(jwt, claim, form);
        if (value == null) {
            throw refused("claim '" + claim + "' is missing");
        }
        return value;
    }

    private static String optional(Jwt jwt, String claim, Pattern form) {
        Object value = jwt.getClaims().get(claim);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || (form != null && !form.matcher(text).matches())) {
            throw refused("claim '" + claim + "' is malformed");
        }
        return text;
    }

    private static InvalidBearerTokenException refused(String reason) {
        return new InvalidBearerTokenException(reason);
    }
}
