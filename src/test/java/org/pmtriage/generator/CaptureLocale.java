package org.pmtriage.generator;

import java.time.LocalDate;

/**
 * The locale a capture is exported in: how times, dates and numbers are written. Operation and
 * result names stay English in every locale, as in real exports.
 */
public enum CaptureLocale {
    /** {@code 1:12:21.8898394 PM}, {@code 7/31/2020}, {@code 1,024}. */
    EN_US("en-US", true, '.', ",", "M/d/yyyy"),
    /** {@code 13:12:21,8898394}, {@code 31/07/2020}, {@code 1.024}. */
    ES_ES("es-ES", false, ',', ".", "dd/MM/yyyy"),
    /** {@code 13:12:21,8898394}, {@code 31/07/2020}, {@code 1.024}. */
    IT_IT("it-IT", false, ',', ".", "dd/MM/yyyy"),
    /** {@code 13:12:21,8898394}, {@code 31.07.2020}, {@code 1 024} (no-break space). */
    RU_RU("ru-RU", false, ',', "\u00a0", "dd.MM.yyyy"),
    /** {@code 13:12:21.8898394}, {@code 2020/07/31}, {@code 1,024}. */
    JA_JP("ja-JP", false, '.', ",", "yyyy/MM/dd");

    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;

    private final String tag;
    private final boolean twelveHour;
    private final char decimal;
    private final String grouping;
    private final String datePattern;

    CaptureLocale(String tag, boolean twelveHour, char decimal, String grouping, String datePattern) {
        this.tag = tag;
        this.twelveHour = twelveHour;
        this.decimal = decimal;
        this.grouping = grouping;
        this.datePattern = datePattern;
    }

    /** @return the BCP 47 tag, e.g. {@code es-ES} */
    public String tag() {
        return tag;
    }

    /**
     * @param tag a tag such as {@code en-US} (case-insensitive, {@code _} accepted)
     * @return the locale
     * @throws IllegalArgumentException for a locale the generator does not know
     */
    public static CaptureLocale of(String tag) {
        for (CaptureLocale l : values()) {
            if (l.tag.equalsIgnoreCase(tag.replace('_', '-'))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown locale " + tag + " (known: en-US, es-ES, it-IT, ru-RU, ja-JP)");
    }

    /**
     * Formats a Time of Day column value.
     *
     * @param ticks 100-ns ticks on the timeline (any day: the date part is dropped)
     * @return e.g. {@code 1:12:21.8898394 PM} or {@code 13:12:21,8898394}
     */
    public String timeOfDay(long ticks) {
        long t = Math.floorMod(ticks, TICKS_PER_DAY);
        StringBuilder sb = new StringBuilder(20);
        appendClock(sb, t / TICKS_PER_SECOND);
        sb.append(decimal);
        pad(sb, t % TICKS_PER_SECOND, 7);
        if (twelveHour) {
            sb.append(t / TICKS_PER_SECOND / 3600 < 12 ? " AM" : " PM");
        }
        return sb.toString();
    }

    /**
     * Formats a Date &amp; Time column value: whole seconds, date order per locale.
     *
     * @param firstDay the capture's first day
     * @param ticks    100-ns ticks on the timeline
     * @return e.g. {@code 7/31/2020 7:37:18 AM}
     */
    public String dateTime(LocalDate firstDay, long ticks) {
        return dateTime(date(firstDay.plusDays(Math.floorDiv(ticks, TICKS_PER_DAY))), ticks);
    }

    /**
     * @param date  the date part, already formatted by {@link #date}
     * @param ticks 100-ns ticks on the timeline
     * @return the date, a space and the time in whole seconds
     */
    String dateTime(String date, long ticks) {
        long seconds = Math.floorMod(ticks, TICKS_PER_DAY) / TICKS_PER_SECOND;
        StringBuilder sb = new StringBuilder(24).append(date).append(' ');
        appendClock(sb, seconds);
        if (twelveHour) {
            sb.append(seconds / 3600 < 12 ? " AM" : " PM");
        }
        return sb.toString();
    }

    /**
     * @param day a date
     * @return the date in this locale's short form
     */
    public String date(LocalDate day) {
        String m = Integer.toString(day.getMonthValue());
        String d = Integer.toString(day.getDayOfMonth());
        return datePattern.replace("yyyy", Integer.toString(day.getYear()))
                .replace("MM", m.length() == 1 ? "0" + m : m).replace("dd", d.length() == 1 ? "0" + d : d)
                .replace("M", m).replace("d", d);
    }

    /**
     * Formats a duration in seconds with seven decimals, e.g. {@code 0.0000074} or {@code 0,0000074}.
     *
     * @param ticks 100-ns ticks
     * @return the text
     */
    public String seconds(long ticks) {
        StringBuilder sb = new StringBuilder(12).append(ticks / TICKS_PER_SECOND).append(decimal);
        pad(sb, ticks % TICKS_PER_SECOND, 7);
        return sb.toString();
    }

    /**
     * Formats an elapsed time as ProcMon's Relative Time: {@code 00:00:02.5537873}.
     *
     * @param ticks 100-ns ticks since the first event
     * @return the text
     */
    public String relative(long ticks) {
        StringBuilder sb = new StringBuilder(17);
        long s = ticks / TICKS_PER_SECOND;
        pad(sb, s / 3600, 2);
        sb.append(':');
        pad(sb, s / 60 % 60, 2);
        sb.append(':');
        pad(sb, s % 60, 2);
        sb.append(decimal);
        pad(sb, ticks % TICKS_PER_SECOND, 7);
        return sb.toString();
    }

    /**
     * Writes a number with this locale's thousands separator, e.g. {@code 1,234,944}.
     *
     * @param n a non-negative number
     * @return the grouped digits
     */
    public String number(long n) {
        String digits = Long.toString(n);
        if (digits.length() <= 3) {
            return digits;
        }
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3);
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(grouping).append(digits, i, i + 3);
        }
        return sb.toString();
    }

    private void appendClock(StringBuilder sb, long secondsOfDay) {
        long hour = secondsOfDay / 3600;
        if (twelveHour) {
            hour = hour % 12 == 0 ? 12 : hour % 12;
        }
        sb.append(hour).append(':');
        pad(sb, secondsOfDay / 60 % 60, 2);
        sb.append(':');
        pad(sb, secondsOfDay % 60, 2);
    }

    private static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
