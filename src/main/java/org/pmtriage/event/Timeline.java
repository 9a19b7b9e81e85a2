package org.pmtriage.event;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * The time axis of a capture: 100-ns ticks since midnight of the capture's first day (see
 * {@link Event#time()}), and how positions on it are written for people.
 */
public final class Timeline {

    /** Nanoseconds in a tick. */
    private static final long NANOS_PER_TICK = 100L;
    /** Ticks in a millisecond. */
    public static final long TICKS_PER_MILLI = 10_000L;
    /** Ticks in a second. */
    public static final long TICKS_PER_SECOND = 10_000_000L;
    /** Ticks in a day. */
    public static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;

    private Timeline() {
    }

    /**
     * Formats a timeline position as a 24-hour time of day with seven fractional digits, prefixed
     * by {@code +Nd } when it lies N days after the capture's first day.
     *
     * @param ticks 100-ns ticks since midnight of the first day
     * @return e.g. {@code 13:12:21.8898394} or {@code +1d 00:00:01.0000000}
     */
    public static String format(long ticks) {
        long days = Math.floorDiv(ticks, TICKS_PER_DAY);
        long t = Math.floorMod(ticks, TICKS_PER_DAY);
        long fraction = t % TICKS_PER_SECOND;
        long seconds = t / TICKS_PER_SECOND;
        StringBuilder sb = new StringBuilder(24);
        if (days != 0) {
            sb.append('+').append(days).append("d ");
        }
        two(sb, seconds / 3600).append(':');
        two(sb, seconds / 60 % 60).append(':');
        two(sb, seconds % 60).append('.');
        String f = Long.toString(fraction);
        sb.append("0000000", 0, 7 - f.length()).append(f);
        return sb.toString();
    }

    /**
     * @param ticks a duration in ticks
     * @return the duration in milliseconds, rounded to 0.1 ms
     */
    public static double millis(long ticks) {
        return Math.round(ticks / 1000.0) / 10.0;
    }

    /**
     * The one way durations are written for people, in text, HTML and CI reports alike.
     *
     * @param ticks a duration in ticks
     * @return it in milliseconds: {@code 18.9} (0.1 ms steps) from a millisecond up, and below it
     *         to the tick without trailing zeros: {@code 0.5}, {@code 0.012}, {@code 0.0003}
     */
    public static String millisText(long ticks) {
        if (ticks == 0 || Math.abs(ticks) >= TICKS_PER_MILLI) {
            // what %.1f makes of ticks / 10,000 (half up, away from zero), without a Formatter
            long tenths = (Math.abs(ticks) + 500) / 1000;
            return (ticks < 0 ? "-" : "") + tenths / 10 + "." + tenths % 10;
        }
        return BigDecimal.valueOf(ticks, 4).stripTrailingZeros().toPlainString();
    }

    /**
     * @param ticks a span in ticks
     * @return it in seconds for people, to the millisecond: {@code 0.778}
     */
    public static String secondsText(long ticks) {
        return String.format(Locale.ROOT, "%.3f", ticks / (double) TICKS_PER_SECOND);
    }

    /**
     * @param ticks a duration in ticks
     * @return it as a {@link Duration}
     */
    public static Duration duration(long ticks) {
        return Duration.ofNanos(ticks * NANOS_PER_TICK);
    }

    /**
     * @param duration a duration
     * @return it in ticks, rounded down to the tick
     */
    public static long ticks(Duration duration) {
        return duration.toNanos() / NANOS_PER_TICK;
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }
}
