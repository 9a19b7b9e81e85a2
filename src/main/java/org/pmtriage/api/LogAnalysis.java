package org.pmtriage.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.HealthNote;
import org.pmtriage.analysis.Severity;
import org.pmtriage.incident.Incident;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.report.BatchReport;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.LogOutcome;
import org.pmtriage.report.Report;

/**
 * The analysis of one log: one pass over it, its findings, incidents, capture health and summary,
 * and its report in any {@link ReportFormat}.
 *
 * <pre>{@code
 * LogAnalysis analysis = LogAnalysis.of("samples/flaky-build.csv", AnalysisOptions.defaults());
 * System.out.println(analysis.status() + ": " + analysis.findings().size() + " findings in "
 *         + analysis.summary().events() + " events");
 * analysis.write(ReportFormat.MARKDOWN, ReportScope.DEFAULT, new PrintWriter(System.out));
 * }</pre>
 */
public final class LogAnalysis {

    private final Report report;

    LogAnalysis(Report report) {
        this.report = report;
    }

    /**
     * Reads and analyzes one log ({@code LogAnalysis.of("build.pml", AnalysisOptions.defaults())}).
     *
     * @param log     a ProcMon log (CSV, XML or PML, plain or gzip), or {@code -} for standard input
     * @param options how to read and analyze it
     * @return its analysis
     * @throws LogFormatException when the log cannot be read, with the file and position as data
     */
    public static LogAnalysis of(String log, AnalysisOptions options) {
        return new LogAnalysis(LogPass.run(log, options, Analyzer.Scope.FINDINGS, null).report());
    }

    /** @return the log as named ({@code analysis.log()}) */
    public String log() {
        return report.path();
    }

    /** @return {@code csv}, {@code xml} or {@code pml} ({@code analysis.format()}) */
    public String format() {
        return report.format();
    }

    /** @return what the pass saw: events, processes, time span, skipped records ({@code analysis.summary().events()}) */
    public CaptureSummary summary() {
        return report.result().summary();
    }

    /** @return the findings, most severe first, then in time order ({@code analysis.findings().size()}) */
    public List<Finding> findings() {
        return report.result().findings();
    }

    /** @return the findings linked into incidents, one per root cause, most harmful first ({@code analysis.incidents().get(0).path()}) */
    public List<Incident> incidents() {
        return report.incidents().incidents();
    }

    /** @return what the capture lacks for some kinds of verdict, empty when nothing ({@code analysis.health().isEmpty()}) */
    public List<HealthNote> health() {
        return report.result().summary().health();
    }

    /** @return {@code error}, {@code warning} or {@code info} (the worst finding), or {@code clean} ({@code analysis.status()}) */
    public String status() {
        return JsonReport.status(report);
    }

    /** @return how many error findings there are ({@code analysis.errorFindings()}) */
    public long errorFindings() {
        return findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /**
     * @param policy which findings fail ({@code analysis.fails(FailPolicy.DEFAULT)})
     * @return whether a finding the policy counts is there
     */
    public boolean fails(FailPolicy policy) {
        return findings().stream().anyMatch(policy::counts);
    }

    /**
     * Writes the report ({@code analysis.write(ReportFormat.TEXT, ReportScope.DEFAULT, new PrintWriter(System.out))}).
     *
     * @param format the format
     * @param scope  how much it lists
     * @param out    where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    public void write(ReportFormat format, ReportScope scope, Writer out) throws IOException {
        ReportOutput.write(out, printer -> format.write(new BatchReport(List.of(LogOutcome.read(report))), scope, printer));
    }

    Report report() {
        return report;
    }
}
