package org.pmtriage.read;

import org.pmtriage.event.Timeline;

/**
 * Parses ProcMon's Time of Day column in every locale form seen: {@code 1:12:21.8898394 PM}
 * (12-hour), {@code 13:12:21,8898394} (comma decimal) and {@code 13:12:21.8898394}, with up to
 * seven fractional digits. {@link Timeline#format} writes them back.
 */
public final class TimeOfDay {

    /** 100-ns ticks in a second. */
    public static final long TICKS_PER_SECOND = Timeline.TICKS_PER_SECOND;
    /** 100-ns ticks in a day. */
    public static final long TICKS_PER_DAY = Timeline.TICKS_PER_DAY;
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

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
