package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.pmtriage.api.AnalysisOptions;
import org.pmtriage.api.LogFiles;
import org.pmtriage.api.LogStatistics;
import org.pmtriage.api.ReportFormat;
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
        LogFiles.namedTwice(logs).ifPresent(m -> {
            throw new CommandLine.ParameterException(spec.commandLine(), m);
        });
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = reading.quiet ? w -> { } : w -> err.println("pmtriage stats: warning: " + w);
        AnalysisOptions options = reading.toAnalysisOptions(warnings, !reading.quiet);
        List<LogStatistics> stats = new ArrayList<>();
        for (String log : LogFiles.expand(logs, !reading.noRollover, warnings)) {
            stats.add(LogStatistics.of(log, options, processes));
        }
        LogStatistics.write(stats, format == Format.json ? ReportFormat.JSON : ReportFormat.TEXT,
                spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
