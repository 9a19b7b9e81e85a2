package org.pmtriage.report;

import java.io.PrintWriter;
import java.util.List;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.Severity;
import org.pmtriage.event.Printable;

/**
 * GitHub Actions workflow commands: an {@code ::error} annotation per error finding and a
 * {@code ::warning} per warning, then a line per log. Messages are escaped as those commands
 * need ({@code %25}, {@code %0D}, {@code %0A}), properties also {@code :} and {@code ,}
 * ({@code %3A}, {@code %2C}), since Windows paths hold {@code C:}.
 */
public final class GithubReport {

    private GithubReport() {
    }

    /**
     * @param reports the logs read
     * @param errors  one line per log that could not be read
     * @param to      where to write; not closed; control characters from the log are shown as {@code ?}
     */
    public static void write(List<Report> reports, List<String> errors, PrintWriter to) {
        PrintWriter out = new PrintWriter(Printable.writer(to));
        for (Report report : reports) {
            long errorCount = 0;
            long warningCount = 0;
            for (Finding f : report.result().findings()) {
                if (f.severity() == Severity.INFO) {
                    continue;
                }
                boolean error = f.severity() == Severity.ERROR;
                errorCount += error ? 1 : 0;
                warningCount += error ? 0 : 1;
                FindingSummary s = FindingSummary.of(f);
                out.printf("::%s title=%s::%s%n", error ? "error" : "warning",
                        property("pmtriage: " + s.title() + " (" + report.path() + ")"), data(s.line()));
            }
            out.printf("pmtriage: %s: %d error finding(s), %d warning(s); times %s%n", data(report.path()), errorCount,
                    warningCount, data(report.frame().describe()));
        }
        for (String error : errors) {
            out.printf("::error title=%s::%s%n", property("pmtriage: unreadable log"), data(error));
        }
        out.flush();
    }

    /** @return a message escaped for a workflow command */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** @return a property value escaped for a workflow command */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
