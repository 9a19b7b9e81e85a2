package org.pmtriage.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.ProcessList;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.report.CaptureStats;
import org.pmtriage.report.StatsReport;

/**
 * What a log holds ({@code pmtriage stats}): events per class and operation, processes, time span,
 * the capturing machine of a PML and, when asked, every process. A lighter pass than an analysis:
 * file events are counted, not tracked.
 *
 * <pre>{@code
 * LogStatistics stats = LogStatistics.of("samples/flaky-build.csv", AnalysisOptions.defaults(), false);
 * LogStatistics.write(List.of(stats), ReportFormat.TEXT, new PrintWriter(System.out));
 * }</pre>
 */
public final class LogStatistics {

    private final CaptureStats stats;

    private LogStatistics(CaptureStats stats) {
        this.stats = stats;
    }

    /**
     * Reads one log ({@code LogStatistics.of("build.pml", AnalysisOptions.defaults(), true)}).
     *
     * @param log       a ProcMon log, or {@code -} for standard input
     * @param options   how to read it
     * @param processes whether to list every process
     * @return its statistics
     * @throws LogFormatException when the log cannot be read
     */
    public static LogStatistics of(String log, AnalysisOptions options, boolean processes) {
        return new LogStatistics(LogPass.run(log, options, Analyzer.Scope.COUNTS, processes ? new ProcessList() : null));
    }

    /** @return events in the log ({@code stats.events()}) */
    public long events() {
        return stats.report().result().summary().events();
    }

    /**
     * Writes the statistics of logs ({@code LogStatistics.write(List.of(stats), ReportFormat.JSON, out)}).
     *
     * @param logs   the logs, in the order named
     * @param format {@link ReportFormat#TEXT}, or {@link ReportFormat#JSON} (one document; an array for several logs)
     * @param out    where to write; flushed, not closed
     * @throws IOException              when writing fails
     * @throws IllegalArgumentException for another format
     */
    public static void write(List<LogStatistics> logs, ReportFormat format, Writer out) throws IOException {
        List<CaptureStats> all = logs.stream().map(l -> l.stats).toList();
        switch (format) {
            case TEXT -> ReportOutput.write(out, printer -> StatsReport.text(all, printer));
            case JSON -> ReportOutput.write(out, printer -> StatsReport.json(all, printer));
            default -> throw new IllegalArgumentException("statistics are written as TEXT or JSON, not " + format);
        }
    }
}
