package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.pmtriage.report.CaptureStats;
import org.pmtriage.report.StatsReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pmtriage stats}: what logs hold: machine, events per class and operation, processes, time span. */
@Command(name = "stats", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Counts each log's events per class and operation, its processes and its time span;"
                + " shows the capturing machine of a PML and, with --processes, every process.")
final class StatsCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG",
            description = "ProcMon logs (CSV, XML or PML, plain or .gz), folders of them, or - for standard input.")
    private List<String> logs;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "text or json (one document; an array for several logs). Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = "--processes", description = "Also list every process: PID, parent, name, start, exit, command line.")
    private boolean processes;

    @Mixin
    private ReadingOptions reading;

    @Override
    public Integer call() throws IOException {
        LogArguments.namedTwice(logs).ifPresent(m -> {
            throw new CommandLine.ParameterException(spec.commandLine(), m);
        });
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = reading.quiet ? w -> { } : w -> err.println("pmtriage stats: warning: " + w);
        List<CaptureStats> stats = new ArrayList<>();
        for (String log : LogArguments.expand(logs, !reading.noRollover, warnings)) {
            stats.add(LogPass.stats(log, reading.toReadOptions(warnings), reading.statedZone(), warnings,
                    !reading.quiet, processes));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            StatsReport.json(stats, out);
        } else {
            StatsReport.text(stats, out);
        }
        return ExitCode.OK;
    }
}
