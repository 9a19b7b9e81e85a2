package org.pmtriage.api;

import java.io.IOException;
import java.util.Optional;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.ProcessList;
import org.pmtriage.event.Event;
import org.pmtriage.event.TimeFrame;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.internal.ReadAhead;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.report.CaptureStats;
import org.pmtriage.report.Report;

/** One pass over one log: open it, feed every event to an {@link Analyzer}, close it. */
final class LogPass {

    private LogPass() {
    }

    /**
     * @param log     the log as the user named it ({@code -} for standard input)
     * @param options how to read and analyze it
     * @param scope   how much of the pass to run
     * @param list    collects every process, or null
     * @return the report, the capture's machine and the processes listed
     * @throws LogFormatException when the log cannot be read
     */
    static CaptureStats run(String log, AnalysisOptions options, Analyzer.Scope scope, ProcessList list) {
        ReadOptions reading = options.reading();
        TextBudget texts = new TextBudget(log, reading.warnings());
        try (EventReader reader = new ReadAhead(LogReaders.open(log, reading.withDecoding(
                scope == Analyzer.Scope.COUNTS ? Decoding.COUNTS : Decoding.ANALYSIS)), texts);
             ProgressWatch progress = options.progress().apply(log)) {
            Analyzer analyzer = new Analyzer(options.windowTicks(), reading.warnings(), scope);
            analyzer.listRefutedRaces(options.showRefuted());
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
                progress.update(reader.bytesRead());
            }
            AnalysisResult result = analyzer.finish(reader.skippedRecords());
            long skipped = result.summary().skippedRecords();
            if (result.summary().events() == 0 && skipped > 0) {
                throw new LogFormatException(log, "", "no readable event: all " + skipped
                        + " records are malformed (--strict stops at the first and names it)");
            }
            if (result.summary().events() == 0) {
                reading.warnings().accept(log + ": the log holds no events");
            }
            if (texts.cuts() > 1) {
                reading.warnings().accept(log + ": " + texts.cuts() + " texts longer than " + TextBudget.MAX_CHARS
                        + " characters cut in all");
            }
            if (skipped > ReadOptions.NAMED_SKIPS) {
                reading.warnings().accept(log + ": " + skipped + " malformed records skipped in all");
            }
            // PML stores UTC and is shown in the zone used; an export's times are in a zone only the user may know
            TimeFrame frame = new TimeFrame(reader.format() == InputFormat.PML ? Optional.of(reading.timeZone())
                    : options.statedZone(), reader.firstDay());
            Report report = new Report(log, reader.format().label(), result, frame);
            return new CaptureStats(report, reader.host(),
                    list == null ? Optional.empty() : Optional.of(list.processes()));
        } catch (IOException e) {
            throw new LogFormatException(log, "", "cannot read: " + e.getMessage(), e);
        }
    }
}
