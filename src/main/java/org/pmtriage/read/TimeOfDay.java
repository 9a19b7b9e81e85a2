package org.pmtriage.read;

/**
 * Parses ProcMon's Time of Day column in every locale form seen: {@code 1:12:21.8898394 PM}
 * (12-hour), {@code 13:12:21,8898394} (comma decimal) and {@code 13:12:21.8898394}, with up to
 * seven fractional digits. Formats times back as {@code 13:12:21.8898394}.
 */
public final class TimeOfDay {

    /** 100-ns ticks in a second. */
    public static final long TICKS_PER_SECOND = 10_000_000L;
    /** 100-ns ticks in a day. */
    public static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;
    /** Returned by {@link #parse} for text that is not a time of day. */
    public static final long INVALID = -1;

    private TimeOfDay() {
    }

    /**
     * @param text a Time of Day value
     * @return 100-ns ticks since midnight, or {@link #INVALID}
     */
    public static long parse(String text) {
        int n = text.length();
        int i = 0;
        long[] parts = new long[3];
        for (int p = 0; p < 3; p++) {
            int start = i;
            long v = 0;
            while (i < n && i - start < 2 && isDigit(text.charAt(i))) {
                v = v * 10 + text.charAt(i++) - '0';
            }
            if (i == start) {
                return INVALID;
            }
            parts[p] = v;
            if (p < 2) {
                if (i >= n || text.charAt(i) != ':') {
                    return INVALID;
                }
                i++;
            }
        }
        long fraction = 0;
        if (i < n && (text.charAt(i) == '.' || text.charAt(i) == ',')) {
            i++;
            int digits = 0;
            while (i < n && isDigit(text.charAt(i))) {
                if (digits < 7) {
                    fraction = fraction * 10 + text.charAt(i) - '0';
                }
                digits++;
                i++;
            }
            if (digits == 0) {
                return INVALID;
            }
            for (int d = Math.min(digits, 7); d < 7; d++) {
                fraction *= 10;
            }
        }
        while (i < n && text.charAt(i) == ' ') {
            i++;
        }
        long hour = parts[0];
        if (i < n) {
            String suffix = text.substring(i);
            boolean am = suffix.equalsIgnoreCase("AM") || suffix.equalsIgnoreCase("a.m.");
            boolean pm = suffix.equalsIgnoreCase("PM") || suffix.equalsIgnoreCase("p.m.");
            if (!am && !pm || hour < 1 || hour > 12) {
                return INVALID;
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || parts[1] > 59 || parts[2] > 59) {
            return INVALID;
        }
        return ((hour * 60 + parts[1]) * 60 + parts[2]) * TICKS_PER_SECOND + fraction;
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
        String time = String.format("%02d:%02d:%02d.%07d", seconds / 3600, seconds / 60 % 60, seconds % 60, fraction);
        return days == 0 ? time : "+" + days + "d " + time;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
