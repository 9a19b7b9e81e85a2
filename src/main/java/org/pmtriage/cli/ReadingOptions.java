package org.pmtriage.cli;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import org.pmtriage.api.AnalysisOptions;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.ReadOptions;
import picocli.CommandLine.Option;

/** The options every command that reads logs shares. */
final class ReadingOptions {

    @Option(names = "--strict", description = "Stop at the first malformed record (exit 3) instead of skipping it.")
    boolean strict;

    @Option(names = "--time-zone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "Show PML times in this zone (PML stores UTC; default UTC), and state it as the zone of"
                    + " a CSV or XML export's times, which are as exported, zone unknown, unless given.")
    ZoneId timeZone;

    @Option(names = "--include-profiling", description = "Keep PML profiling events, which ProcMon's exports leave out.")
    boolean includeProfiling;

    @Option(names = "--no-rollover", description = "Do not read Logfile-1.PML, ... beside Logfile.PML as one capture.")
    boolean noRollover;

    @Option(names = "--max-copy", paramLabel = "SIZE", defaultValue = "4g", converter = SizeConverter.class,
            description = "The most a PML that arrives as .pml.gz or on standard input may take as a temporary copy"
                    + " (e.g. 512m, 16g). Default: ${DEFAULT-VALUE}.")
    long maxCopy;

    @Option(names = {"-q", "--quiet"}, description = "No warnings and no progress on standard error.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    /**
     * @param warnings where warnings go unless {@code --quiet}
     * @param progress whether a progress bar may show (a large file, standard error a terminal)
     * @return the options of an analysis or statistics pass
     */
    AnalysisOptions toAnalysisOptions(Consumer<String> warnings, boolean progress) {
        AnalysisOptions options = AnalysisOptions.defaults().withReading(toReadOptions(warnings))
                .withProgress(log -> Progress.start(log, !progress));
        return timeZone == null ? options : options.withStatedZone(timeZone);
    }

    ReadOptions toReadOptions(Consumer<String> warnings) {
        return new ReadOptions(strict ? BadRecordPolicy.FAIL : BadRecordPolicy.SKIP,
                quiet ? w -> { } : warnings, timeZone == null ? ZoneOffset.UTC : timeZone, includeProfiling, !noRollover)
                .withCopyLimit(maxCopy);
    }
}
