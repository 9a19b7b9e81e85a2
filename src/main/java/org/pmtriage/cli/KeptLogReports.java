package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonGenerator;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.Severity;
import org.pmtriage.capture.AnalyzedLog;
import org.pmtriage.capture.KeptLogAnalysis;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.Report;

/**
 * The analysis after each kept capture: one pass as {@code pmtriage analyze LOG --format json
 * --html} makes it, the JSON and HTML reports written beside the log ({@code NAME.json},
 * {@code NAME.html}), atomically.
 */
final class KeptLogReports implements KeptLogAnalysis {

    private final ReadOptions options;
    private final Consumer<String> warnings;

    KeptLogReports(ReadOptions options, Consumer<String> warnings) {
        this.options = options;
        this.warnings = warnings;
    }

    @Override
    public AnalyzedLog analyze(Path log) throws IOException {
        Report report;
        try {
            report = LogPass.analyze(log.toString(), options, Optional.empty(), Analyzer.DEFAULT_WINDOW, false,
                    warnings, false, Analyzer.Scope.FINDINGS);
        } catch (LogFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path json = beside(log, ".json");
        Path html = beside(log, ".html");
        try (AtomicOutput file = new AtomicOutput(json)) {
            JsonGenerator generator = AnalyzeCommand.prettyJson(file.writer());
            JsonReport.write(report, generator);
            generator.close();
            file.writer().println();
            file.commit();
        }
        try (AtomicOutput page = new AtomicOutput(html)) {
            new HtmlReport(HtmlReport.DEFAULT_DETAILS).write(List.of(report), List.of(), page.writer());
            page.commit();
        }
        long errors = report.result().findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        return new AnalyzedLog(errors, json, html);
    }

    private static Path beside(Path log, String extension) {
        String name = log.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return log.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + extension);
    }
}
