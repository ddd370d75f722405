package org.vrs.casefile;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vrs.casefile.api.SupportRegime;
import org.vrs.casefile.api.VictimStatus;

/**
 * Deadlines, entitlements and rates that the law sets and amends: periods with effective dates,
 * read from YAML, so an amendment is a configuration change with its date, not a release.
 */
public final class RuleBook {

    /** The rules in force from {@code effectiveFrom} until the next period starts. */
    public record Period(LocalDate effectiveFrom, String source, int receptionDays, int verificationDays,
                         int supportApplicationMonths, int shelterStayDays, int followUpIntervalDays,
                         Map<VictimStatus, Set<SupportRegime>> entitlements, String entitlementBasis,
                         Map<String, Long> ratesVnd) {

        public boolean entitled(VictimStatus status, SupportRegime regime) {
            return entitlements.getOrDefault(status, Set.of()).contains(regime);
        }
    }

    record Document(List<Period> periods) {
    }

    private final List<Period> periods;

    private RuleBook(List<Period> periods) {
        if (periods == null || periods.isEmpty()) {
            throw new IllegalArgumentException("the rule book has no periods");
        }
        this.periods = periods.stream().sorted(Comparator.comparing(Period::effectiveFrom)).toList();
    }

    public static RuleBook load(InputStream yaml) {
        return new RuleBook(YamlConfig.read(yaml, Document.class).periods());
    }

    public static RuleBook fromClasspath(String resource) {
        return new RuleBook(YamlConfig.fromClasspath(resource, Document.class).periods());
    }

    /** The period in force on a day; days before the first period use the first. */
    public Period on(LocalDate day) {
        Period current = periods.get(0);
        for (Period p : periods) {
            if (!p.effectiveFrom().isAfter(day)) {
                current = p;
            }
        }
        return current;
    }
}
