package org.pmtriage.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.pmtriage.incident.LogPatterns;
import org.pmtriage.incident.PatternRanking;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.report.AcrossLogsReport;
import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.ReportDocuments;
import org.pmtriage.report.ReportReadException;

/**
 * Patterns ranked across many logs by the logs they appear in and the failures they explain
 * ({@code pmtriage summarize}): from analyses, or from JSON reports read back without the logs.
 * Safe to add to from several threads.
 *
 * <pre>{@code
 * PatternSummary summary = new PatternSummary();
 * summary.add(LogAnalysis.of("run-1.pml", AnalysisOptions.defaults()));
 * summary.addReports(List.of(Path.of("reports")));   // .json and .jsonl files, sub-folders too
 * summary.write(ReportFormat.TEXT, ReportScope.DEFAULT, new PrintWriter(System.out));
 * }</pre>
 */
public final class PatternSummary {

    /** Patterns listed in text unless every one is asked for ({@link ReportScope#ALL}). */
    public static final int TEXT_PATTERNS = AcrossLogsReport.TEXT_PATTERNS;

    private final PatternRanking ranking = new PatternRanking();

    /** Starts an empty summary ({@code new PatternSummary()}). */
    public PatternSummary() {
        // patterns come with add and addReports
    }

    /**
     * Adds a log's patterns ({@code summary.add(analysis)}).
     *
     * @param analysis the log's analysis
     */
    public void add(LogAnalysis analysis) {
        LogPatterns patterns = LogPatterns.of(analysis.log(), analysis.status(), analysis.report().incidents());
        synchronized (ranking) {
            ranking.add(patterns);
        }
    }

    /**
     * Adds the logs of JSON reports ({@code analyze --format json} or {@code jsonl}); every file is
     * found before any is read ({@code summary.addReports(List.of(Path.of("reports")))}).
     *
     * @param reports report files, or folders: every {@code .json} and {@code .jsonl} file in them and their sub-folders
     * @throws LogFormatException naming the report (and line) that cannot be read, or the folder without one
     */
    public void addReports(List<Path> reports) {
        for (Path file : files(reports)) {
            List<LogPatterns> logs;
            try (InputStream in = Files.newInputStream(file)) {
                logs = ReportDocuments.read(file.toString(), in);
            } catch (IOException e) {
                throw new ReportReadException(file.toString(), 0, "cannot read: " + e.getMessage());
            }
            synchronized (ranking) {
                logs.forEach(ranking::add);
            }
        }
    }

    /** @return how many logs were added ({@code summary.logCount()}) */
    public int logCount() {
        synchronized (ranking) {
            return ranking.logs().size();
        }
    }

    /**
     * Writes the ranking ({@code summary.write(ReportFormat.HTML, ReportScope.DEFAULT, out)}).
     *
     * @param format {@link ReportFormat#TEXT}, {@link ReportFormat#JSON} or {@link ReportFormat#HTML}
     * @param scope  text lists every pattern with {@link ReportScope#ALL}, else the first {@link #TEXT_PATTERNS}
     * @param out    where to write; flushed, not closed
     * @throws IOException              when writing fails
     * @throws IllegalArgumentException for another format
     */
    public void write(ReportFormat format, ReportScope scope, Writer out) throws IOException {
        AcrossLogsReport across;
        synchronized (ranking) {
            across = new AcrossLogsReport(ranking);
        }
        switch (format) {
            case TEXT -> ReportOutput.write(out, printer -> across.text(printer, scope.listing()));
            case JSON -> ReportOutput.write(out, across::json);
            case HTML -> ReportOutput.write(out, printer -> HtmlReport.writeAcross(across, printer));
            default -> throw new IllegalArgumentException("patterns are written as TEXT, JSON or HTML, not " + format);
        }
    }

    private static List<Path> files(List<Path> reports) {
        List<Path> files = new ArrayList<>();
        for (Path p : reports) {
            if (!Files.isDirectory(p)) {
                if (!Files.isRegularFile(p)) {
                    throw new ReportReadException(p.toString(), 0, "no such file");
                }
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                List<Path> found = walk.filter(Files::isRegularFile).filter(f -> {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".json") || name.endsWith(".jsonl");
                }).sorted().toList();
                if (found.isEmpty()) {
                    throw new ReportReadException(p.toString(), 0, "folder holds no .json or .jsonl report");
                }
                files.addAll(found);
            } catch (IOException e) {
                throw new ReportReadException(p.toString(), 0, "cannot list folder: " + e.getMessage());
            }
        }
        return files;
    }
}
