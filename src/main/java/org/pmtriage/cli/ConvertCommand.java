package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.pmtriage.api.EventConversion;
import org.pmtriage.api.EventFormat;
import org.pmtriage.event.ExportLocale;
import org.pmtriage.read.ReadOptions;
import picocli.CommandLine;
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

    enum To { csv, jsonl }

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "csv or jsonl.")
    private To format;

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
        EventConversion conversion;
        try {
            conversion = EventConversion.of(EventFormat.valueOf(format.name().toUpperCase(Locale.ROOT)), columns, locale);
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
        ReadOptions options = reading.toReadOptions(warnings);
        AtomicOutput.write(output, spec.commandLine().getOut(), out -> conversion.run(log, options, out));
        return ExitCode.OK;
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
