package org.pmtriage.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.event.Timeline;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.PrintableWriter;
import org.pmtriage.report.Report;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pmtriage stats}: what a log holds: events, operations, processes, time span. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Counts a log's events per operation, its processes and its time span.")
final class StatsCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "A ProcMon log (CSV, XML or PML, plain or .gz), or - for standard input.")
    private String log;

    @Option(names = "--format", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Mixin
    private ReadingOptions reading;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        java.util.function.Consumer<String> warnings = reading.quiet ? w -> { }
                : w -> err.println("pmtriage stats: warning: " + w);
        Report report = LogPass.analyze(log, reading.toReadOptions(warnings), Analyzer.DEFAULT_WINDOW, false, warnings,
                !reading.quiet, Analyzer.Scope.COUNTS);
        CaptureSummary s = report.result().summary();
        PrintWriter out = new PrintWriter(new PrintableWriter(spec.commandLine().getOut()));
        if (format == Format.json) {
            ObjectNode root = JsonReport.mapper().createObjectNode();
            root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
            root.set("input", JsonReport.input(report));
            ObjectNode ops = root.putObject("operations");
            s.operations().forEach(ops::put);
            out.println(JsonReport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } else {
            out.printf("%s (%s)%n", report.path(), report.format());
            out.printf("Events:     %d (%d skipped records)%n", s.events(), s.skippedRecords());
            out.printf("Processes:  %d%n", s.processes());
            out.printf("Time span:  %s to %s (%s s)%n", Timeline.format(s.firstTime()), Timeline.format(s.lastTime()),
                    String.format(Locale.ROOT, "%.3f", (s.lastTime() - s.firstTime()) / (double) Timeline.TICKS_PER_SECOND));
            out.println("Operations:");
            int width = s.operations().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Long> op : s.operations().entrySet()) {
                out.printf("  %-" + Math.max(width, 1) + "s %10d%n", op.getKey(), op.getValue());
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
