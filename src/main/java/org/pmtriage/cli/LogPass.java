package org.pmtriage.cli;

import java.io.IOException;
import java.util.function.Consumer;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.LogReaders;
import org.pmtriage.read.ReadAhead;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.TextBudget;
import org.pmtriage.report.Report;

/** One pass over one log: open it, feed every event to an {@link Analyzer}, close it. */
final class LogPass {

    private LogPass() {
    }

    /**
     * @param log      the log as the user named it ({@code -} for standard input)
     * @param options  how to read it
     * @param window   the spawn-race window in timeline ticks
     * @param warnings receives warnings of the analysis
     * @param progress whether a progress bar may show (a large file, stderr a terminal)
     * @param scope    how much of the pass to run
     * @return the report
     * @throws LogFormatException when the log cannot be read
     */
    static Report analyze(String log, ReadOptions options, long window, Consumer<String> warnings, boolean progress,
                          Analyzer.Scope scope) {
        TextBudget texts = new TextBudget(log, options.warnings());
        try (EventReader reader = new ReadAhead(LogReaders.open(log, options.withDecoding(
                scope == Analyzer.Scope.COUNTS ? Decoding.COUNTS : Decoding.ANALYSIS)), texts);
             Progress bar = Progress.start(log, !progress)) {
            Analyzer analyzer = new Analyzer(window, warnings, scope);
            analyzer.processTable(reader.processes());
            while (reader.hasNext()) {
                analyzer.accept(reader.next());
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
            return new Report(log, reader.format().label(), result);
        } catch (IOException e) {
            throw new LogFormatException(log, "", "cannot read: " + e.getMessage(), e);
        }
    }
}
