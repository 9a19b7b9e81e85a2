package org.pmtriage.read.internal;

import org.pmtriage.event.Timeline;

/**
 * Parses ProcMon's Time of Day column in every locale form seen: {@code 1:12:21.8898394 PM}
 * (12-hour), {@code 13:12:21,8898394} (comma decimal) and {@code 13:12:21.8898394}, with up to
 * seven fractional digits; {@code 13.12.21,8898394} (dots between the parts); and 12-hour forms
 * with the designator before the time or in other languages ({@code 오후 1:12:21.8898394},
 * {@code 午後 1:12:21.8898394}, {@code 1:12:21 p. m.}). {@link Timeline#format} writes them back.
 */
public final class TimeOfDay {

    /** Returned by {@link #parse} for text that is not a time of day. */
    public static final long INVALID = -1;

    /** Returned by {@link #parseCommon} for text in another form than the common ones. */
    public static final long UNCOMMON = Long.MIN_VALUE;

    /** Afternoon designators seen in Windows locales, before or after the time. */
    private static final String[] PM = {"PM", "P.M.", "p. m.", "午後", "오후", "下午", "μ.μ.", "م", "ب.ظ"};
    /** Morning designators. */
    private static final String[] AM = {"AM", "A.M.", "a. m.", "午前", "오전", "上午", "π.μ.", "ص", "ق.ظ"};

    private TimeOfDay() {
    }

    /**
     * @param text a Time of Day value
     * @return 100-ns ticks since midnight, or {@link #INVALID}
     */
    public static long parse(CharSequence text) {
        int n = text.length();
        int first = 0;
        while (first < n && !isDigit(text.charAt(first))) {
            first++;
        }
        int last = n - 1;
        while (last >= first && !isDigit(text.charAt(last))) {
            last--;
        }
        if (last < first) {
            return INVALID;
        }
        long clock = parseClock(text, first, last + 1);
        if (clock == INVALID || first == 0 && last == n - 1) {
            return clock;
        }
        int from = first > 0 ? 0 : last + 1;
        int to = first > 0 ? first : n;
        if (first > 0 && last < n - 1 && !blank(text, last + 1, n)) {
            return INVALID;
        }
        while (from < to && text.charAt(from) == ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) == ' ') {
            to--;
        }
        if (from == to) {
            return clock;
        }
        boolean pm = isOneOf(text, from, to, PM);
        if (!pm && !isOneOf(text, from, to, AM)) {
            return INVALID;
        }
        long hour = clock / (3600 * Timeline.TICKS_PER_SECOND);
        if (hour < 1 || hour > 12) {
            return INVALID;
        }
        long rest = clock - hour * 3600 * Timeline.TICKS_PER_SECOND;
        return (hour % 12 + (pm ? 12 : 0)) * 3600 * Timeline.TICKS_PER_SECOND + rest;
    }

    /**
     * Reads the two forms nearly every export has, {@code H:MM:SS.fffffff} followed by
     * {@code " AM"}/{@code " PM"} or by nothing, straight from ASCII bytes; {@link #parse} reads
     * the same text the same way, and every other form.
     *
     * @return ticks since midnight, {@link #INVALID} for an impossible time in the common form, or
     *         {@link #UNCOMMON} for any other form
     */
    public static long parseCommon(byte[] b, int from, int to) {
        int i = from;
        int n = to - from;
        int hour;
        if (n >= 15 && b[i + 1] == ':' && isDigit(b[i])) {
            hour = b[i] - '0';
            i += 2;
        } else if (n >= 16 && b[i + 2] == ':' && isDigit(b[i]) && isDigit(b[i + 1])) {
            hour = (b[i] - '0') * 10 + b[i + 1] - '0';
            i += 3;
        } else {
            return UNCOMMON;
        }
        if (to - i != 13 && to - i != 16 || b[i + 2] != ':' || b[i + 5] != '.') {
            return UNCOMMON;
        }
        int m1 = b[i] - '0';
        int m2 = b[i + 1] - '0';
        int s1 = b[i + 3] - '0';
        int s2 = b[i + 4] - '0';
        // a negative result means some byte was not a digit: one test for all eleven, not eleven branches
        int notDigit = m1 | 9 - m1 | m2 | 9 - m2 | s1 | 9 - s1 | s2 | 9 - s2;
        long fraction = 0;
        for (int k = i + 6; k < i + 13; k++) {
            int d = b[k] - '0';
            notDigit |= d | 9 - d;
            fraction = fraction * 10 + d;
        }
        if (notDigit < 0) {
            return UNCOMMON;
        }
        int minute = m1 * 10 + m2;
        int second = s1 * 10 + s2;
        if (to - i == 16) {
            if (b[i + 13] != ' ' || b[i + 15] != 'M' || b[i + 14] != 'A' && b[i + 14] != 'P') {
                return UNCOMMON;
            }
            if (hour < 1 || hour > 12) {
                return INVALID;
            }
            hour = hour % 12 + (b[i + 14] == 'P' ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        return ((hour * 60L + minute) * 60 + second) * Timeline.TICKS_PER_SECOND + fraction;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Parses {@code H:MM:SS} (or {@code H.MM.SS}, as Finnish and Danish write it) with an optional
     * {@code .} or {@code ,} (only {@code ,} after dots) and up to 7 fraction digits.
     */
    private static long parseClock(CharSequence text, int from, int to) {
        int i = from;
        long[] parts = new long[3];
        char separator = 0;
        for (int p = 0; p < 3; p++) {
            int start = i;
            long v = 0;
            while (i < to && i - start < 2 && isDigit(text.charAt(i))) {
                v = v * 10 + text.charAt(i++) - '0';
            }
            if (i == start) {
                return INVALID;
            }
            parts[p] = v;
            if (p < 2) {
                char c = i < to ? text.charAt(i) : 0;
                if (c != ':' && c != '.' || separator != 0 && c != separator) {
                    return INVALID;
                }
                separator = c;
                i++;
            }
        }
        long fraction = 0;
        if (i < to && (text.charAt(i) == ',' || text.charAt(i) == '.' && separator == ':')) {
            i++;
            int digits = 0;
            while (i < to && isDigit(text.charAt(i))) {
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
        if (i != to || parts[0] > 23 || parts[1] > 59 || parts[2] > 59) {
            return INVALID;
        }
        return ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * Timeline.TICKS_PER_SECOND + fraction;
    }

    private static boolean isOneOf(CharSequence text, int from, int to, String[] known) {
        for (String k : known) {
            if (k.length() == to - from && sameIgnoringCase(k, text, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameIgnoringCase(String k, CharSequence text, int from) {
        for (int i = 0; i < k.length(); i++) {
            if (Character.toUpperCase(k.charAt(i)) != Character.toUpperCase(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean blank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
