package org.pmtriage.event;

/**
 * The time axis of a capture: 100-ns ticks since midnight of the capture's first day (see
 * {@link Event#time()}), and how positions on it are written for people.
 */
public final class Timeline {

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
     * @param ticks a duration in ticks
     * @return it in milliseconds for people: {@code 18.9}, or {@code 0.012} below a millisecond
     */
    public static String millisText(long ticks) {
        // what %.1f and %.3f make of ticks / 10,000 (half up, away from zero), without a Formatter
        boolean fine = Math.abs(ticks) < TICKS_PER_MILLI && ticks != 0;
        long unit = fine ? 10 : 1000;
        long rounded = (Math.abs(ticks) + unit / 2) / unit;
        long scale = fine ? 1000 : 10;
        String fraction = Long.toString(rounded % scale + scale).substring(1);
        return (ticks < 0 ? "-" : "") + rounded / scale + "." + fraction;
    }

    private static StringBuilder two(StringBuilder sb, long v) {
        return sb.append(v < 10 ? "0" : "").append(v);
    }
}
