package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.pmtriage.api.AnalysisOptions;
import org.pmtriage.api.LogAnalysis;
import org.pmtriage.api.PatternSummary;
import org.pmtriage.api.ReportFormat;
import org.pmtriage.api.ReportScope;
import org.pmtriage.capture.AnalyzedLog;
import org.pmtriage.capture.KeptLogAnalysis;
import org.pmtriage.read.LogFormatException;

/**
 * The analysis after each kept capture: one pass as {@code pmtriage analyze LOG --format json
 * --html} makes it, the JSON and HTML reports written beside the log ({@code NAME.json},
 * {@code NAME.html}), atomically.
 */
final class KeptLogReports implements KeptLogAnalysis {

    private final AnalysisOptions options;
    private final PatternSummary patterns = new PatternSummary();

    KeptLogReports(AnalysisOptions options) {
        this.options = options;
    }

    @Override
    public AnalyzedLog analyze(Path log) throws IOException {
        LogAnalysis analysis;
        try {
            analysis = LogAnalysis.of(log.toString(), options);
        } catch (LogFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path json = beside(log, ".json");
        Path html = beside(log, ".html");
        AtomicOutput.write(json, null, out -> analysis.write(ReportFormat.JSON, ReportScope.DEFAULT, out));
        AtomicOutput.write(html, null, out -> analysis.write(ReportFormat.HTML, ReportScope.DEFAULT, out));
        patterns.add(analysis);
        return new AnalyzedLog(analysis.errorFindings(), json, html);
    }

    /** Writes the patterns across the analyzed logs, as {@code summarize} ranks them, once two or more were analyzed. */
    void writeAcrossRuns(PrintWriter out) throws IOException {
        if (patterns.logCount() >= 2) {
            out.println();
            patterns.write(ReportFormat.TEXT, ReportScope.DEFAULT, out);
        }
    }

    private static Path beside(Path log, String extension) {
        String name = log.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return log.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + extension);
    }
}
