package org.pmtriage.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.LogReaders;
import org.pmtriage.read.ReadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pmtriage convert LOG --to csv|jsonl [--output FILE]}: rewrites any log pmtriage reads
 * (CSV, XML or PML, plain or gzip) as ProcMon's CSV or as JSON lines. The output file is written
 * atomically: to a temporary file beside it, moved into place only when complete.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Converts a log to ProcMon's CSV (default 7 columns) or to JSON lines.")
public final class ConvertCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int UNREADABLE = 3;
    private static final String PREFIX = "pmtriage convert: ";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LOG", description = "A ProcMon log (CSV, XML or PML, plain or .gz), or - for standard input.")
    private String log;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "csv or jsonl.")
    private EventFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    private Path output;

    @Option(names = "--strict", description = "Stop at the first malformed record (exit 3) instead of skipping it.")
    private boolean strict;

    @Option(names = "--time-zone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Show PML times in this zone (PML stores UTC; exports are already local). Default: ${DEFAULT-VALUE}.")
    private ZoneId timeZone;

    @Option(names = "--include-profiling", description = "Keep PML profiling events, which ProcMon's exports leave out.")
    private boolean includeProfiling;

    @Option(names = "--no-rollover", description = "Do not read Logfile-1.PML, ... beside Logfile.PML as one capture.")
    private boolean noRollover;

    @Option(names = "--quiet", description = "No warnings on standard error.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReadOptions options = new ReadOptions(strict ? BadRecordPolicy.FAIL : BadRecordPolicy.SKIP,
                quiet ? w -> { } : w -> err.println(PREFIX + "warning: " + w), timeZone, includeProfiling, !noRollover);
        try (EventReader events = LogReaders.open(log, options)) {
            if (output == null) {
                Writer out = spec.commandLine().getOut();
                convert(events, out);
                out.flush();
            } else {
                writeAtomically(events, output);
            }
            if (events.skippedRecords() > 0) {
                options.warnings().accept(log + ": " + events.skippedRecords() + " malformed records skipped");
            }
            return OK;
        } catch (LogFormatException e) {
            err.println(PREFIX + e.getMessage());
            return UNREADABLE;
        } catch (IOException e) {
            err.println(PREFIX + (output == null ? "" : output + ": ") + "cannot write: " + e.getMessage());
            return UNREADABLE;
        } finally {
            err.flush();
        }
    }

    private void convert(EventReader events, Writer out) throws IOException {
        try (EventFormat.Sink sink = format.open(out)) {
            while (events.hasNext()) {
                sink.write(events.next());
            }
        }
    }

    private void writeAtomically(EventReader events, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        // not Files.createTempFile: its owner-only permissions would stay on the finished output
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp");
        try {
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                convert(events, out);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
