package org.pmtriage.pmc;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import org.pmtriage.read.LogFormatException;

/** Writes a PMC file's records and rules for people ({@code pmtriage config show}). */
public final class PmcText {

    private static final Set<String> TEXT_RECORDS = Set.of("DbgHelpPath", "Logfile", "SourcePath", "SymbolPath");

    private final PrintWriter out;

    /** @param out where to write */
    public PmcText(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param file   the configuration
     * @param source its name as the user gave it
     * @throws PmcFormatException when its rule records are malformed
     */
    public void write(PmcFile file, String source) {
        List<FilterRule> filter = file.filterRules(source);
        List<FilterRule> highlight = file.highlightRules(source);
        out.println(LogFormatException.printable(source) + ": " + file.records().size() + " records");
        int width = file.records().stream().mapToInt(r -> r.name().length()).max().orElse(0);
        for (PmcRecord r : file.records()) {
            out.printf("  %-" + Math.max(width, 1) + "s  %s%n", LogFormatException.printable(r.name()), value(r));
        }
        rules(PmcFile.FILTER_RULES, filter);
        rules(PmcFile.HIGHLIGHT_RULES, highlight);
        out.flush();
    }

    /** Writes one line per rule, numbered from 1, under a heading with the record's name. */
    public void rules(String heading, List<FilterRule> rules) {
        out.println(heading + ": " + rules.size() + " rule" + (rules.size() == 1 ? "" : "s"));
        for (int i = 0; i < rules.size(); i++) {
            FilterRule r = rules.get(i);
            out.printf("  %3d  %-7s  %-12s  %-11s  %s%s%n", i + 1, r.action().label(), Column.label(r.column()),
                    r.relation().label(), LogFormatException.printable(r.value()),
                    r.number() == 0 ? "" : " (number " + r.number() + ")");
        }
    }

    private static String value(PmcRecord r) {
        if (TEXT_RECORDS.contains(r.name())) {
            return "\"" + LogFormatException.printable(r.asText()) + "\"";
        }
        if (r.name().equals(PmcFile.FILTER_RULES) || r.name().equals(PmcFile.HIGHLIGHT_RULES)) {
            return "(rules below)";
        }
        if (r.size() == 4) {
            return Long.toString(r.asU32());
        }
        return r.size() + " bytes";
    }
}
