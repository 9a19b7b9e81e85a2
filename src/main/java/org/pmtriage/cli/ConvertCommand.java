package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogReaders;
import org.pmtriage.read.ReadAhead;
import org.pmtriage.read.TextBudget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pmtriage convert LOG --to csv|jsonl [--output FILE]}: rewrites any log pmtriage reads
 * (CSV, XML or PML, plain or gzip) as ProcMon's CSV or as JSON lines, written atomically.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Converts a log to ProcMon's CSV (default 7 columns) or to JSON lines.")
final class ConvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "A ProcMon log (CSV, XML or PML, plain or .gz), or - for standard input.")
    private String log;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "csv or jsonl.")
    private EventFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    private Path output;

    @Mixin
    private ReadingOptions reading;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = w -> err.println("pmtriage convert: warning: " + w);
        if (output != null) {
            AtomicOutput.check(output);
            AtomicOutput.destroys(output, List.of(log)).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), why);
            });
        }
        try (EventReader events = new ReadAhead(LogReaders.open(log, reading.toReadOptions(warnings)),
                new TextBudget(log, reading.quiet ? w -> { } : warnings))) {
            if (output == null) {
                convert(events, spec.commandLine().getOut());
            } else {
                try (AtomicOutput file = new AtomicOutput(output)) {
                    convert(events, file.writer());
                    file.commit();
                }
            }
            if (events.skippedRecords() > 0 && !reading.quiet) {
                warnings.accept(log + ": " + events.skippedRecords() + " malformed records skipped");
            }
        }
        return ExitCode.OK;
    }

    private void convert(EventReader events, Writer out) throws IOException {
        try (EventFormat.Sink sink = format.open(out)) {
            while (events.hasNext()) {
                sink.write(events.next());
            }
        }
        out.flush();
    }
}
