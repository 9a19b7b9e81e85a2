package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.pmtriage.event.ExportLocale;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.internal.ReadAhead;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.report.EventFormat;
import org.pmtriage.report.EventWriter;
import org.pmtriage.report.ProcmonColumn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code pmtriage convert LOG --to csv|jsonl [--locale L] [--columns C] [--output FILE]}: rewrites any
 * log pmtriage reads (CSV, XML or PML, plain or gzip) as ProcMon's CSV or as JSON lines, written
 * atomically.
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

    @Option(names = "--locale", paramLabel = "LOCALE", defaultValue = "en-US", converter = LocaleConverter.class,
            description = "Times, dates and numbers as ProcMon's export in this locale writes them: en-US, es-ES, "
                    + "it-IT, ru-RU or ja-JP (CSV; also the Detail of PML events). Default: ${DEFAULT-VALUE}.")
    private ExportLocale locale;

    @Option(names = "--columns", paramLabel = "COLUMNS", defaultValue = "default",
            description = "CSV columns in ProcMon's spelling, comma-separated (\"Time of Day,PID,Detail,Date & Time\"), "
                    + "or all (the 27), or default (the 7). Default: ${DEFAULT-VALUE}.")
    private String columns;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    private Path output;

    @Mixin
    private ReadingOptions reading;

    @Override
    public Integer call() throws IOException {
        List<ProcmonColumn> chosen;
        try {
            chosen = ProcmonColumn.parseList(columns);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--columns: " + e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> warnings = w -> err.println("pmtriage convert: warning: " + w);
        if (output != null) {
            AtomicOutput.check(output);
            AtomicOutput.destroys(output, List.of(log)).ifPresent(why -> {
                throw new CommandLine.ParameterException(spec.commandLine(), why);
            });
        }
        try (EventReader events = new ReadAhead(LogReaders.open(log,
                reading.toReadOptions(warnings).withDecoding(Decoding.EXPORT).withLocale(locale)),
                new TextBudget(log, reading.quiet ? w -> { } : warnings))) {
            if (output == null) {
                convert(events, spec.commandLine().getOut(), chosen);
            } else {
                try (AtomicOutput file = new AtomicOutput(output)) {
                    convert(events, file.writer(), chosen);
                    file.commit();
                }
            }
            if (events.skippedRecords() > 0 && !reading.quiet) {
                warnings.accept(log + ": " + events.skippedRecords() + " malformed records skipped");
            }
        }
        return ExitCode.OK;
    }

    private void convert(EventReader events, Writer out, List<ProcmonColumn> chosen) throws IOException {
        try (EventWriter writer = format.open(out, chosen, locale)) {
            while (events.hasNext()) {
                writer.write(events.next());
            }
        }
        out.flush();
    }

    /** Reads a {@code --locale} tag. */
    static final class LocaleConverter implements CommandLine.ITypeConverter<ExportLocale> {
        @Override
        public ExportLocale convert(String value) {
            try {
                return ExportLocale.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
