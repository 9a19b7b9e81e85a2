package org.pmtriage.api;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.pmtriage.event.Timeline;
import org.pmtriage.read.ReadOptions;

/**
 * How to read and analyze a log. Start from {@link #defaults()} and change what you need:
 *
 * <pre>{@code
 * AnalysisOptions options = AnalysisOptions.defaults()
 *         .withReading(ReadOptions.defaults().withPolicy(BadRecordPolicy.FAIL))
 *         .withWindow(Duration.ofMillis(20));
 * LogAnalysis analysis = LogAnalysis.of("samples/flaky-build.csv", options);
 * }</pre>
 *
 * @param reading     how to read the log (bad records, warnings, PML time zone, rollover...)
 * @param statedZone  the zone a CSV or XML export's times are in, when the caller knows it (an
 *                    export does not say; a PML's zone is {@link ReadOptions#timeZone()})
 * @param window      how soon after a CreateFile a spawn counts as a race
 * @param showRefuted whether spawn races the log itself refutes are listed (as info), not only counted
 * @param progress    a watch for each log's pass, by the log's name
 */
public record AnalysisOptions(ReadOptions reading, Optional<ZoneId> statedZone, Duration window, boolean showRefuted,
                              Function<String, ProgressWatch> progress) {

    /** The spawn-race window unless told otherwise: 50 ms. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(50);

    /**
     * Checks the options: none missing, the window not negative.
     *
     * @param reading     as above
     * @param statedZone  as above
     * @param window      as above
     * @param showRefuted as above
     * @param progress    as above
     */
    public AnalysisOptions {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(statedZone, "statedZone");
        Objects.requireNonNull(progress, "progress");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window " + window + " is negative");
        }
    }

    /**
     * @return {@link ReadOptions#defaults()}, no stated zone, a 50 ms window, refuted races
     *         counted, no progress ({@code AnalysisOptions.defaults()})
     */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(ReadOptions.defaults(), Optional.empty(), DEFAULT_WINDOW, false,
                log -> ProgressWatch.none());
    }

    /**
     * @param newReading how to read ({@code defaults().withReading(ReadOptions.defaults())})
     * @return these options reading as told
     */
    public AnalysisOptions withReading(ReadOptions newReading) {
        return new AnalysisOptions(newReading, statedZone, window, showRefuted, progress);
    }

    /**
     * @param zone the zone of an export's times ({@code defaults().withStatedZone(ZoneId.of("Europe/Berlin"))})
     * @return these options stating it
     */
    public AnalysisOptions withStatedZone(ZoneId zone) {
        return new AnalysisOptions(reading, Optional.of(zone), window, showRefuted, progress);
    }

    /**
     * @param newWindow how soon after a CreateFile a spawn counts as a race
     *                  ({@code defaults().withWindow(Duration.ofMillis(20))})
     * @return these options with that window
     */
    public AnalysisOptions withWindow(Duration newWindow) {
        return new AnalysisOptions(reading, statedZone, newWindow, showRefuted, progress);
    }

    /**
     * @param list whether refuted spawn races are listed as info ({@code defaults().withRefutedRacesListed(true)})
     * @return these options listing them or not
     */
    public AnalysisOptions withRefutedRacesListed(boolean list) {
        return new AnalysisOptions(reading, statedZone, window, list, progress);
    }

    /**
     * @param newProgress a watch for each log's pass, by the log's name
     *                    ({@code defaults().withProgress(log -> ProgressWatch.none())})
     * @return these options watching each pass
     */
    public AnalysisOptions withProgress(Function<String, ProgressWatch> newProgress) {
        return new AnalysisOptions(reading, statedZone, window, showRefuted, newProgress);
    }

    /** @return the window in the timeline's 100-ns ticks */
    long windowTicks() {
        return Timeline.ticks(window);
    }
}
