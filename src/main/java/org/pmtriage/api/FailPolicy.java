package org.pmtriage.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.Severity;

/**
 * Which findings make an analysis fail ({@code --fail-on}): severities ({@code error},
 * {@code warning} and above, {@code info} and above), kinds by id ({@code spawn-race}), or
 * {@code none}.
 *
 * <pre>{@code
 * FailPolicy policy = FailPolicy.parse(List.of("warning", "spawn-race"));
 * boolean fails = LogAnalysis.of("samples/flaky-build.csv", AnalysisOptions.defaults()).fails(policy);
 * }</pre>
 */
public final class FailPolicy {

    /** Error findings fail, nothing else ({@code --fail-on error}). */
    public static final FailPolicy DEFAULT = parse(List.of("error"));

    private final Set<Severity> severities = EnumSet.noneOf(Severity.class);
    private final Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);

    private FailPolicy() {
    }

    /**
     * @param values any of {@code error}, {@code warning}, {@code info}, {@code none} and the
     *               finding kinds' ids ({@code FailPolicy.parse(List.of("error", "open-at-end"))})
     * @return the policy that counts what any of them names
     * @throws IllegalArgumentException naming a value that is none of those
     */
    public static FailPolicy parse(List<String> values) {
        FailPolicy policy = new FailPolicy();
        for (String value : values) {
            switch (value) {
                case "none" -> { }
                case "error" -> policy.severities.add(Severity.ERROR);
                case "warning" -> policy.severities.addAll(EnumSet.of(Severity.ERROR, Severity.WARNING));
                case "info" -> policy.severities.addAll(EnumSet.allOf(Severity.class));
                default -> policy.kinds.add(FindingKind.byId(value).orElseThrow(() -> new IllegalArgumentException(
                        "'" + value + "' is none of error, warning, info, none, inherited-handle,"
                                + " spawn-race, sharing-violation, open-at-end")));
            }
        }
        return policy;
    }

    /**
     * @param f a finding ({@code FailPolicy.DEFAULT.counts(analysis.findings().get(0))})
     * @return whether it makes the analysis fail
     */
    public boolean counts(Finding f) {
        return severities.contains(f.severity()) || kinds.contains(f.kind());
    }
}
