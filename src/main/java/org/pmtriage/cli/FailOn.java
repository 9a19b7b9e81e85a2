package org.pmtriage.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.Severity;
import picocli.CommandLine;

/**
 * Which findings make {@code analyze} exit 1: severities ({@code error}, {@code warning} and
 * above, {@code info} and above), kinds by name ({@code spawn-race}), or {@code none}.
 */
final class FailOn {

    private final Set<Severity> severities = EnumSet.noneOf(Severity.class);
    private final Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);

    FailOn(List<String> values) {
        for (String value : values) {
            switch (value) {
                case "none" -> { }
                case "error" -> severities.add(Severity.ERROR);
                case "warning" -> severities.addAll(EnumSet.of(Severity.ERROR, Severity.WARNING));
                case "info" -> severities.addAll(EnumSet.allOf(Severity.class));
                default -> kinds.add(FindingKind.byId(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                        "--fail-on: '" + value + "' is none of error, warning, info, none, inherited-handle,"
                                + " spawn-race, sharing-violation, open-at-end")));
            }
        }
    }

    boolean counts(Finding f) {
        return severities.contains(f.severity()) || kinds.contains(f.kind());
    }
}
