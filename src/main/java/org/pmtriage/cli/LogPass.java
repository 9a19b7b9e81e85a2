package org.pmtriage.cli;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Consumer;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.ProcessList;
import org.pmtriage.event.Event;
import org.pmtriage.event.TimeFrame;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.ReadAhead;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.report.CaptureStats;
import org.pmtriage.report.Report;

/** One pass over one log: open it, feed every event to an {@link Analyzer}, close it. */
final class LogPass {

    private LogPass() {
    }

    /**
     * @param log        the log as the user named it ({@code -} for standard input)
     * @param options    how to read it
     * @param statedZone the zone the user gave with {@code --time-zone}, if any
     * @param window     the spawn-race window in timeline ticks
     * @param showRefuted whether refuted spawn races are listed (as info), not only counted
     * @param warnings   receives warnings of the analysis
     * @param progress   whether a progress bar may show (a large file, stderr a terminal)
     * @param scope      how much of the pass to run
     * @return the report
     * @throws LogFormatException when the log cannot be read
     */
    static Report analyze(String log, ReadOptions options, Optional<ZoneId> statedZone, long window, boolean showRefuted,
                          Consumer<String> warnings, boolean progress, Analyzer.Scope scope) {
        return pass(log, options, statedZone, window, showRefuted, warnings, progress, scope, null).report();
    }

    /**
     * The pass of {@code stats}: counts, the capture's machine and, when asked, every process.
     *
     * @param processes whether to list the processes
     * @throws LogFormatException when the log cannot be read
     */
    static CaptureStats stats(String log, ReadOptions options, Optional<ZoneId> statedZone, Consumer<String> warnings,
                              boolean progress, boolean processes) {
        return pass(log, options, statedZone, Analyzer.DEFAULT_WINDOW, false, warnings, progress, Analyzer.Scope.COUNTS,
                processes ? new ProcessList() : null);
    }

    private static CaptureStats pass(String log, ReadOptions options, Optional<ZoneId> statedZone, long window,
                                     boolean showRefuted, Consumer<String> warnings, boolean progress,
                                     Analyzer.Scope scope, ProcessList list) {
        TextBudget texts = new TextBudget(log, options.warnings());
        try (EventReader reader = new ReadAhead(LogReaders.open(log, options.withDecoding(
                scope == Analyzer.Scope.COUNTS ? Decoding.COUNTS : Decoding.ANALYSIS)), texts);
             Progress bar = Progress.start(log, !progress)) {
            Analyzer analyzer = new Analyzer(window, warnings, scope);
            analyzer.listRefutedRaces(showRefuted);
            analyzer.processTable(reader.processes());
            if (list != null) {
                list.processTable(reader.processes());
            }
            while (reader.hasNext()) {
                Event e = reader.next();
                analyzer.accept(e);
                if (list != null) {
                    list.accept(e);
                }
                bar.update(reader.bytesRead());
            }
            AnalysisResult result = analyzer.finish(reader.skippedRecords());
            long skipped = result.summary().skippedRecords();
            if (result.summary().events() == 0 && skipped > 0) {
                throw new LogFormatException(log, "", "no readable event: all " + skipped
                        + " records are malformed (--strict stops at the first and names it)");
            }
            if (result.summary().events() == 0) {
                warnings.accept(log + ": the log holds no events");
            }
            if (texts.cuts() > 1) {
                warnings.accept(log + ": " + texts.cuts() + " texts longer than " + TextBudget.MAX_CHARS
                        + " characters cut in all");
            }
            if (skipped > ReadOptions.NAMED_SKIPS) {
                warnings.accept(log + ": " + result.summary().skippedRecords() + " malformed records skipped in all");
            }
            // PML stores UTC and is shown in the zone used; an export's times are in a zone only the user may know
            TimeFrame frame = new TimeFrame(reader.format() == InputFormat.PML ? Optional.of(options.timeZone())
                    : statedZone, reader.firstDay());
            Report report = new Report(log, reader.format().label(), result, frame);
            return new CaptureStats(report, reader.host(),
                    list == null ? Optional.empty() : Optional.of(list.processes()));
        } catch (IOException e) {
            throw new LogFormatException(log, "", "cannot read: " + e.getMessage(), e);
        }
    }
}
