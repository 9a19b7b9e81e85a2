package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.pmtriage.api.AnalysisOptions;
import org.pmtriage.api.BatchAnalysis;
import org.pmtriage.api.FailPolicy;
import org.pmtriage.api.LogFiles;
import org.pmtriage.api.ReportFormat;
import org.pmtriage.api.ReportScope;
import org.pmtriage.api.UnreadableLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pmtriage analyze}: findings of one or more logs. */
@Command(name = "analyze", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Finds leaked and inherited file handles, spawn races and explained sharing"
                + " violations in ProcMon logs.")
final class AnalyzeCommand implements Callable<Integer> {

    enum Format { text, json, jsonl, junit, markdown, github }

    enum Findings { folded, all }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG",
            description = "ProcMon logs (CSV, XML or PML, plain or .gz), folders of them (sub-folders too; a PML"
                    + " rollover set once, as one capture), or - for standard input.")
    private List<String> logs;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "text, json (one document; for several logs a batch document with a total), jsonl (a line per log, without findings), junit (JUnit XML),"
                    + " markdown (a CI summary) or github (workflow-command annotations). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    private Path output;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML page with a timeline of each error incident to FILE"
                    + " (atomically); several logs share the page, a section each, after the view across them.")
    private Path html;

    @Option(names = "--html-details", paramLabel = "N", defaultValue = "" + ReportScope.DEFAULT_DRAWN,
            description = "Error incidents per log drawn in full on the HTML page; the rest are table rows. Default: ${DEFAULT-VALUE}.")
    private int htmlDetails;

    @Option(names = {"-w", "--window"}, paramLabel = "DURATION", defaultValue = "50ms", converter = WindowConverter.class,
            description = "How soon after a CreateFile a spawn counts as a race (e.g. 20ms, 1s). Default: ${DEFAULT-VALUE}.")
    private Duration window;

    @Option(names = "--show-refuted",
            description = "List spawn races the log itself refutes (as info) instead of only counting them.")
    private boolean showRefuted;

    @Option(names = "--fail-on", split = ",", paramLabel = "WHAT", defaultValue = "error",
            description = "Findings that make the exit code 1: error, warning, info (that severity and above),"
                    + " a kind (inherited-handle, spawn-race, sharing-violation, open-at-end), or none. Default: ${DEFAULT-VALUE}.")
    private List<String> failOn;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + ReportScope.DEFAULT_TOLD,
            description = "Error incidents told in full in text, per log; every other one is counted in its pattern."
                    + " Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--all", description = "List everything: text tells every incident in full, warnings and"
            + " info too, and every pattern across logs; JSON as with --findings all.")
    private boolean all;

    @Option(names = "--findings", paramLabel = "WHICH", defaultValue = "folded",
            description = "JSON: folded (info findings and incidents are counted in their patterns) or all."
                    + " Default: ${DEFAULT-VALUE}.")
    private Findings findings;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Logs analyzed at a time. Default: the number of cores.")
    private int jobs = Runtime.getRuntime().availableProcessors();

    @Mixin
    private ReadingOptions reading;

    @Override
    public Integer call() throws IOException, InterruptedException {
        FailPolicy fail;
        try {
            fail = FailPolicy.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fail-on: " + e.getMessage());
        }
        if (jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more");
        }
        if (htmlDetails < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--html-details must be 0 or more");
        }
        LogFiles.namedTwice(logs).ifPresent(m -> {
            throw new CommandLine.ParameterException(spec.commandLine(), m);
        });
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = w -> err.println("pmtriage analyze: warning: " + w);
        List<String> inputs = LogFiles.expand(logs, !reading.noRollover, reading.quiet ? w -> { } : warnings);
        checkOutputs(inputs);
        // BatchAnalysis leaves the bar out itself when several logs run side by side
        AnalysisOptions options = reading.toAnalysisOptions(warnings, !reading.quiet)
                .withWindow(window).withRefutedRacesListed(showRefuted);
        BatchAnalysis batch = BatchAnalysis.of(inputs, options, jobs);
        for (UnreadableLog u : batch.unreadable()) {
            if (reading.debug) {
                u.cause().printStackTrace(err);
            }
            err.println("pmtriage analyze: " + u.message());
        }
        if (batch.analyses().isEmpty()) {
            return ExitCode.of(batch.verdict(fail));
        }
        ReportScope scope = new ReportScope(all ? Integer.MAX_VALUE : limit, all || findings == Findings.all,
                htmlDetails);
        ReportFormat report = ReportFormat.valueOf(format.name().toUpperCase(Locale.ROOT));
        AtomicOutput.write(output, spec.commandLine().getOut(), out -> batch.write(report, scope, out));
        if (html != null) {
            AtomicOutput.write(html, null, page -> batch.write(ReportFormat.HTML, scope, page));
        }
        return ExitCode.of(batch.verdict(fail));
    }

    /** Refuses (exit 2) outputs that would destroy an input or each other; says (exit 3) which cannot be written. */
    private void checkOutputs(List<String> inputs) throws IOException {
        for (Path out : new Path[] {output, html}) {
            if (out != null) {
                AtomicOutput.check(out);
                AtomicOutput.destroys(out, inputs).ifPresent(why -> {
                    throw new CommandLine.ParameterException(spec.commandLine(), why);
                });
            }
        }
        if (output != null && html != null && AtomicOutput.sameFile(output, html)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--output and --html name one file (" + html + "): one report would replace the other");
        }
    }
}
