package org.vrs.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vrs.access.Actor;
import org.vrs.access.AgencyRegistry;
import org.vrs.access.DevelopmentTokens;
import org.vrs.access.Role;
import org.vrs.casefile.api.Agency;
import org.vrs.casefile.api.AgencyId;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Mints a bearer token with the development key, so a developer or a test can act as any user
 * of the embedded issuer. Only for services that run without an external issuer.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a bearer token signed with the development key under --keys-dir (created if absent).")
final class TokenCommand implements Callable<Integer> {
    @Option(names = "--user", required = true, description = "user id (the sub claim); not an e-mail address")
    String user;
    @Option(names = "--agency", required = true, description = "agency id of the registry, e.g. LC-POLICE")
    String agency;
    @Option(names = "--role", required = true, description = "one of: ${COMPLETION-CANDIDATES}")
    Role role;
    @Option(names = "--province", description = "jurisdiction; default: the agency's province")
    String province;
    @Option(names = "--commune", description = "jurisdiction within the province; default: the agency's commune")
    String commune;
    @Option(names = "--ttl", defaultValue = "8h", converter = TtlConverter.class,
            description = "lifetime, e.g. 30m, 8h (at most 24h); default: ${DEFAULT-VALUE}")
    Duration ttl;
    @Option(names = "--keys-dir", defaultValue = "${env:VRS_KEYS_DIR:-keys}", description = "default: ${DEFAULT-VALUE}")
    Path keysDir;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AgencyId agencyId;
        try {
            agencyId = new AgencyId(agency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--agency: " + e.getMessage());
        }
        Optional<Agency> known = AgencyRegistry.fromClasspath("/config/agencies.yml").find(agencyId);
        String jurisdiction = Optional.ofNullable(province).or(() -> known.map(Agency::province))
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        "agency " + agencyId + " is not in the built-in registry: give --province"));
        String within = Optional.ofNullable(commune).orElse(known.map(Agency::commune).orElse(null));
        Actor actor = new Actor(user, agencyId, role, jurisdiction, within);
        try {
            spec.commandLine().getOut().println(DevelopmentTokens.open(keysDir).issue(actor, ttl));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--ttl: " + e.getMessage());
        }
        return 0;
    }

    /** {@code 90s}, {@code 30m}, {@code 8h}, {@code 1d}, or ISO-8601 ({@code PT8H}). */
    static final class TtlConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,6})([smhd])");

        @Override
        public Duration convert(String value) {
            Matcher m = SHORT.matcher(value);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            try {
                return Duration.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 30m or 8h");
            }
        }
    }
}
