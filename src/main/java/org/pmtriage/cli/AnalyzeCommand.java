package org.pmtriage.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamException;

import com.fasterxml.jackson.core.JsonGenerator;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.incident.LogPatterns;
import org.pmtriage.incident.PatternRanking;
import org.pmtriage.report.AcrossLogsReport;
import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.GithubReport;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.JunitReport;
import org.pmtriage.report.MarkdownReport;
import org.pmtriage.report.Listing;
import org.pmtriage.report.Report;
import org.pmtriage.report.TextReport;
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

    @Option(names = "--html-details", paramLabel = "N", defaultValue = "" + HtmlReport.DEFAULT_DETAILS,
            description = "Error incidents per log drawn in full on the HTML page; the rest are table rows. Default: ${DEFAULT-VALUE}.")
    private int htmlDetails;

    @Option(names = {"-w", "--window"}, paramLabel = "DURATION", defaultValue = "50ms", converter = WindowConverter.class,
            description = "How soon after a CreateFile a spawn counts as a race (e.g. 20ms, 1s). Default: ${DEFAULT-VALUE}.")
    private long window = Analyzer.DEFAULT_WINDOW;

    @Option(names = "--show-refuted",
            description = "List spawn races the log itself refutes (as info) instead of only counting them.")
    private boolean showRefuted;

    @Option(names = "--fail-on", split = ",", paramLabel = "WHAT", defaultValue = "error",
            description = "Findings that make the exit code 1: error, warning, info (that severity and above),"
                    + " a kind (inherited-handle, spawn-race, sharing-violation, open-at-end), or none. Default: ${DEFAULT-VALUE}.")
    private List<String> failOn;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + Listing.DEFAULT_INCIDENTS,
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

    private record Outcome(String log, Report report, String error) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        FailOn fail;
        try {
            fail = new FailOn(failOn);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
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
        LogArguments.namedTwice(logs).ifPresent(m -> {
            throw new CommandLine.ParameterException(spec.commandLine(), m);
        });
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = w -> err.println("pmtriage analyze: warning: " + w);
        List<String> inputs = LogArguments.expand(logs, !reading.noRollover, reading.quiet ? w -> { } : warnings);
        checkOutputs(inputs);
        boolean progress = !reading.quiet && (jobs == 1 || inputs.size() == 1);
        List<Outcome> outcomes = run(inputs, reading.toReadOptions(warnings), reading.quiet ? w -> { } : warnings,
                progress);
        int code = ExitCode.OK;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                err.println("pmtriage analyze: " + o.error());
                code = ExitCode.UNREADABLE;
            } else if (code == ExitCode.OK && o.report().result().findings().stream().anyMatch(fail::counts)) {
                code = ExitCode.FINDINGS;
            }
        }
        if (outcomes.stream().allMatch(o -> o.report() == null)) {
            return code;
        }
        if (output == null) {
            write(outcomes, spec.commandLine().getOut());
        } else {
            try (AtomicOutput file = new AtomicOutput(output)) {
                write(outcomes, file.writer());
                file.commit();
            }
        }
        if (html != null) {
            try (AtomicOutput page = new AtomicOutput(html)) {
                new HtmlReport(htmlDetails).write(outcomes.stream().map(Outcome::report).filter(Objects::nonNull).toList(),
                        outcomes.stream().map(Outcome::error).filter(Objects::nonNull).toList(),
                        outcomes.size() > 1 ? across(outcomes) : null, page.writer());
                page.commit();
            }
        }
        return code;
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

    private List<Outcome> run(List<String> inputs, ReadOptions options, Consumer<String> warnings, boolean progress)
            throws InterruptedException {
        if (jobs == 1 || inputs.size() == 1) {
            List<Outcome> outcomes = new ArrayList<>();
            for (String log : inputs) {
                outcomes.add(analyze(log, options, warnings, progress));
            }
            return outcomes;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, inputs.size()));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (String log : inputs) {
                futures.add(pool.submit(() -> analyze(log, options, warnings, false)));
            }
            List<Outcome> outcomes = new ArrayList<>();
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

    private Outcome analyze(String log, ReadOptions options, Consumer<String> warnings, boolean progress) {
        try {
            return new Outcome(log, LogPass.analyze(log, options, reading.statedZone(), window, showRefuted, warnings,
                    progress,
                    Analyzer.Scope.FINDINGS), null);
        } catch (LogFormatException e) {
            return failed(log, e, e.getMessage());
        } catch (RuntimeException | Error e) {
            // one log's failure (out of memory included: its reader is closed by now) costs the others nothing
            return failed(log, e, log + ": " + Failure.describe(e));
        }
    }

    private Outcome failed(String log, Throwable e, String message) {
        if (reading.debug) {
            e.printStackTrace(spec.commandLine().getErr());
        }
        return new Outcome(log, null, message);
    }

    private void write(List<Outcome> outcomes, PrintWriter out) throws IOException {
        List<Report> reports = outcomes.stream().map(Outcome::report).filter(Objects::nonNull).toList();
        List<String> errors = outcomes.stream().map(Outcome::error).filter(Objects::nonNull).toList();
        Listing listing = listing();
        switch (format) {
            case junit -> {
                try {
                    JunitReport.write(reports, errors, out);
                } catch (XMLStreamException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            case markdown -> MarkdownReport.write(reports, errors, out);
            case github -> GithubReport.write(reports, errors, out);
            case text -> {
                TextReport text = new TextReport(out, listing);
                for (Outcome o : outcomes) {
                    if (o.report() != null) {
                        text.write(o.report());
                        if (outcomes.size() > 1) {
                            out.println();
                        }
                    }
                }
                if (outcomes.size() > 1) {
                    across(outcomes).text(out, listing);
                }
            }
            case json -> {
                JsonGenerator json = prettyJson(out);
                if (outcomes.size() > 1) {
                    json.writeStartObject();
                    json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
                    json.writeArrayFieldStart("logs");
                    for (Outcome o : outcomes) {
                        document(o, json, listing, JsonReport.Shape.DOCUMENT);
                    }
                    json.writeEndArray();
                    across(outcomes).jsonFields(json);
                    json.writeEndObject();
                } else {
                    document(outcomes.get(0), json, listing, JsonReport.Shape.DOCUMENT);
                }
                json.close();
                out.println();
            }
            case jsonl -> {
                for (Outcome o : outcomes) {
                    JsonGenerator json = JsonReport.mapper().getFactory().createGenerator(new NonClosing(out));
                    document(o, json, listing, JsonReport.Shape.LINE);
                    json.close();
                    out.println();
                }
            }
        }
        out.flush();
    }

    /** @return a pretty-printing generator of {@code --format json} whose closing leaves {@code out} open */
    static JsonGenerator prettyJson(PrintWriter out) throws IOException {
        JsonGenerator json = JsonReport.mapper().getFactory().createGenerator(new NonClosing(out));
        json.useDefaultPrettyPrinter();
        return json;
    }

    private Listing listing() {
        return new Listing(all ? Integer.MAX_VALUE : limit,
                all || findings == Findings.all ? Listing.Findings.ALL : Listing.Findings.FOLDED);
    }

    private static AcrossLogsReport across(List<Outcome> outcomes) {
        PatternRanking ranking = new PatternRanking();
        for (Outcome o : outcomes) {
            ranking.add(o.report() == null ? new LogPatterns(o.log(), "unreadable", List.of())
                    : LogPatterns.of(o.log(), JsonReport.status(o.report()), o.report().incidents()));
        }
        return new AcrossLogsReport(ranking);
    }

    private static void document(Outcome o, JsonGenerator json, Listing listing, JsonReport.Shape shape)
            throws IOException {
        if (o.report() != null) {
            JsonReport.write(o.report(), json, listing, shape);
        } else {
            JsonReport.mapper().writeTree(json, JsonReport.error(o.log(), o.error()));
        }
    }

    /** Keeps the JSON generator from closing the command's output when it closes. */
    private static final class NonClosing extends FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
