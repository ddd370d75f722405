package org.vrs.casefile.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/** The person's account of being trafficked. The whole value is trafficking-account data. */
public record TraffickingAccount(
        @NotEmpty @Size(max = 8) SortedSet<ExploitationType> exploitationTypes,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> countries,
        @Size(max = 2000) String route,
        @Size(max = 8) SortedSet<RecruitmentChannel> recruitment,
        @Size(max = 8) SortedSet<ControlMeans> meansOfControl,
        @PositiveOrZero @Max(100_000_000_000L) Long debtVnd,
        @PositiveOrZero @Max(600) Integer durationMonths,
        @PositiveOrZero @Max(120) Integer ageWhenTrafficked,
        @Size(max = 8000) String narrative) {

    public TraffickingAccount {
        exploitationTypes = sorted(exploitationTypes);
        countries = countries == null ? List.of() : List.copyOf(countries);
        recruitment = sorted(recruitment);
        meansOfControl = sorted(meansOfControl);
    }

    private static <T extends Comparable<T>> SortedSet<T> sorted(SortedSet<T> values) {
        return Collections.unmodifiableSortedSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
    }
}
