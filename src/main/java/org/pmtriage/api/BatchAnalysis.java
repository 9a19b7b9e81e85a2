package org.pmtriage.api;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.pmtriage.read.LogFormatException;
import org.pmtriage.report.BatchReport;
import org.pmtriage.report.LogOutcome;

/**
 * The analyses of several logs, run side by side: a log that cannot be read (or runs out of
 * memory) costs the others nothing; the reports frame them in order, with the patterns across them.
 *
 * <pre>{@code
 * BatchAnalysis batch = BatchAnalysis.of(List.of("samples/flaky-build.csv", "samples/redirect-ok.csv"),
 *         AnalysisOptions.defaults(), 2);
 * batch.write(ReportFormat.JSON, ReportScope.DEFAULT, new PrintWriter(System.out));
 * System.exit(batch.verdict(FailPolicy.DEFAULT) == Verdict.CLEAN ? 0 : 1);
 * }</pre>
 */
public final class BatchAnalysis {

    private final List<LogOutcome> outcomes;
    private final List<LogAnalysis> analyses;
    private final List<UnreadableLog> unreadable;

    private BatchAnalysis(List<LogOutcome> outcomes, List<LogAnalysis> analyses, List<UnreadableLog> unreadable) {
        this.outcomes = outcomes;
        this.analyses = analyses;
        this.unreadable = unreadable;
    }

    /**
     * Analyzes the logs, {@code jobs} at a time; with one job, or one log, on the calling thread
     * with the options' progress watch, otherwise without it
     * ({@code BatchAnalysis.of(List.of("a.csv", "b.pml"), AnalysisOptions.defaults(), 2)}).
     *
     * @param logs    the logs, at least one
     * @param options how to read and analyze each
     * @param jobs    logs analyzed at a time, at least 1
     * @return the analyses, in the order of {@code logs}
     * @throws InterruptedException when the calling thread is interrupted while it waits
     */
    public static BatchAnalysis of(List<String> logs, AnalysisOptions options, int jobs) throws InterruptedException {
        if (logs.isEmpty() || jobs < 1) {
            throw new IllegalArgumentException("at least one log and one job");
        }
        List<LogOutcome> outcomes = new ArrayList<>();
        List<LogAnalysis> analyses = new ArrayList<>();
        List<UnreadableLog> unreadable = new ArrayList<>();
        for (Outcome o : run(logs, options, jobs)) {
            o.analysis().ifPresent(a -> {
                analyses.add(a);
                outcomes.add(LogOutcome.read(a.report()));
            });
            o.unreadable().ifPresent(u -> {
                unreadable.add(u);
                outcomes.add(LogOutcome.unreadable(u.log(), u.message()));
            });
        }
        return new BatchAnalysis(List.copyOf(outcomes), List.copyOf(analyses), List.copyOf(unreadable));
    }

    /** @return the analyses of the logs that were read, in order ({@code batch.analyses().get(0).findings()}) */
    public List<LogAnalysis> analyses() {
        return analyses;
    }

    /** @return the logs that could not be read, in order ({@code batch.unreadable().isEmpty()}) */
    public List<UnreadableLog> unreadable() {
        return unreadable;
    }

    /**
     * @param policy which findings fail ({@code batch.verdict(FailPolicy.parse(List.of("warning")))})
     * @return {@link Verdict#UNREADABLE} when a log could not be read, else whether a finding the policy counts is there
     */
    public Verdict verdict(FailPolicy policy) {
        if (!unreadable.isEmpty()) {
            return Verdict.UNREADABLE;
        }
        return analyses.stream().anyMatch(a -> a.fails(policy)) ? Verdict.FINDINGS : Verdict.CLEAN;
    }

    /**
     * Writes the reports of the logs, framed as the format frames several, each unreadable log in a
     * line of its own ({@code batch.write(ReportFormat.TEXT, ReportScope.DEFAULT, new PrintWriter(System.out))}).
     *
     * @param format the format
     * @param scope  how much each log's report lists
     * @param out    where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    public void write(ReportFormat format, ReportScope scope, Writer out) throws IOException {
        ReportOutput.write(out, printer -> format.write(new BatchReport(outcomes), scope, printer));
    }

    /** One log's analysis, or why it could not be read. */
    private record Outcome(Optional<LogAnalysis> analysis, Optional<UnreadableLog> unreadable) {
    }

    /** @return each log's analysis or why it could not be read, in order */
    private static List<Outcome> run(List<String> logs, AnalysisOptions options, int jobs) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        if (jobs == 1 || logs.size() == 1) {
            for (String log : logs) {
                outcomes.add(analyze(log, options));
            }
            return outcomes;
        }
        AnalysisOptions silent = options.withProgress(log -> ProgressWatch.none());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, logs.size()));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String log : logs) {
                futures.add(pool.submit(() -> analyze(log, silent)));
            }
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome analyze(String log, AnalysisOptions options) {
        UnreadableLog failed;
        try {
            return new Outcome(Optional.of(LogAnalysis.of(log, options)), Optional.empty());
        } catch (LogFormatException e) {
            failed = new UnreadableLog(log, e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            // one log's failure (out of memory included: its reader is closed by now) costs the others nothing
            failed = new UnreadableLog(log, log + ": " + Failure.describe(e), e);
        }
        return new Outcome(Optional.empty(), Optional.of(failed));
    }
}
