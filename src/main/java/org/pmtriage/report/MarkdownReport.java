package org.pmtriage.report;

import java.io.PrintWriter;
import java.util.List;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.Severity;
import org.pmtriage.event.Printable;

/**
 * A short Markdown summary for a CI job summary or a pull-request comment: per log, the findings
 * by severity and a line per error finding (the first {@link #LISTED}).
 */
public final class MarkdownReport {

    /** Error findings listed per log before the rest are only counted. */
    public static final int LISTED = 20;

    private MarkdownReport() {
    }

    /**
     * @param reports the logs read
     * @param errors  one line per log that could not be read
     * @param to      where to write; not closed; control characters from the log are shown as {@code ?}
     */
    public static void write(List<Report> reports, List<String> errors, PrintWriter to) {
        PrintWriter out = new PrintWriter(Printable.writer(to));
        for (Report report : reports) {
            var s = report.result().summary();
            out.printf("## pmtriage: %s (%s)%n%n", code(report.path()), report.format());
            out.printf("%d events, %d processes; times %s.%n%n", s.events(), s.processes(),
                    text(report.frame().describe()));
            out.println("| severity | findings |");
            out.println("|---|---:|");
            for (Severity severity : Severity.values()) {
                out.printf("| %s | %d |%n", severity.label(), report.result().findings().stream()
                        .filter(f -> f.severity() == severity).count());
            }
            out.println();
            List<Finding> errorFindings = report.result().findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR).toList();
            for (Finding f : errorFindings.subList(0, Math.min(LISTED, errorFindings.size()))) {
                FindingSummary line = FindingSummary.of(f);
                out.printf("- **%s** %s: %s%n", text(line.title()), code(line.path()), text(line.message()));
            }
            if (errorFindings.size() > LISTED) {
                out.printf("- ... and %d more error findings%n", errorFindings.size() - LISTED);
            }
            if (!errorFindings.isEmpty()) {
                out.println();
            }
        }
        if (!errors.isEmpty()) {
            out.printf("## pmtriage: unreadable logs%n%n");
            errors.forEach(e -> out.printf("- %s%n", text(e)));
            out.println();
        }
        out.flush();
    }

    /** Text in a code span: a backtick or line end from the log would end it, so they become {@code ?}. */
    private static String code(String s) {
        return "`" + s.replaceAll("[`\\r\\n]", "?") + "`";
    }

    /** Text outside code: Markdown's and HTML's special characters are escaped, line ends become spaces. */
    static String text(String s) {
        return s.replaceAll("[\\r\\n]", " ").replaceAll("([\\\\`*_\\[\\]<>|#!~])", "\\\\$1");
    }
}
