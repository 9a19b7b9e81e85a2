package org.pmtriage.read.pml;

import java.util.Arrays;

/**
 * The times a capture's events plausibly have: a PML header names no time range, so it is taken
 * from the events at the start and end of each file, the ones far from their median left out, and
 * widened by {@link #MARGIN}. An event outside it (a timestamp of 0, or 2^63-1) is a bad record.
 */
final class PmlTimeRange {

    /** Events looked at, at each end of each file. */
    static final int SAMPLES = 16;
    /** How far beyond the sampled events a timestamp may lie: a day, in FILETIME ticks. */
    static final long MARGIN = 864_000_000_000L;
    /** Sampled timestamps further than this from their median are not the capture's: 30 days. */
    private static final long OUTLIER = 30 * MARGIN;

    private final long earliest;
    private final long latest;

    private PmlTimeRange(long earliest, long latest) {
        this.earliest = earliest;
        this.latest = latest;
    }

    /**
     * @param samples timestamps of events at the ends of the capture's files (0 for unreadable ones)
     * @return the range, or one that holds every time when no sample is usable
     */
    static PmlTimeRange of(long[] samples) {
        long[] usable = Arrays.stream(samples).filter(t -> t > 0).sorted().toArray();
        if (usable.length == 0) {
            return new PmlTimeRange(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        long median = usable[usable.length / 2];
        long low = Long.MAX_VALUE;
        long high = Long.MIN_VALUE;
        for (long t : usable) {
            if (Math.abs(t - median) <= OUTLIER) {
                low = Math.min(low, t);
                high = Math.max(high, t);
            }
        }
        return new PmlTimeRange(low - MARGIN, high > Long.MAX_VALUE - MARGIN ? Long.MAX_VALUE : high + MARGIN);
    }

    /** @return whether an event at {@code filetime} belongs to the capture */
    boolean holds(long filetime) {
        return filetime >= earliest && filetime <= latest;
    }

    /** @return the earliest plausible time, the day the timeline starts from when the first event lies outside */
    long earliest() {
        return earliest + MARGIN;
    }

    /** @return what is wrong with an event at {@code filetime}, for a message */
    String outside(long filetime) {
        return "its timestamp (FILETIME " + filetime + ") lies far outside the capture's time, "
                + PmlClock.toInstant(earliest) + " to " + PmlClock.toInstant(latest);
    }
}
