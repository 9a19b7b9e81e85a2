package org.pmtriage.event;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The locale of a ProcMon export: how it writes times of day, dates and grouped numbers. Operation
 * and result names stay English in every locale, as in ProcMon's own exports; durations and the
 * seconds inside a Detail keep a decimal point in every locale (as ProcMon writes them).
 */
public enum ExportLocale {
    /** {@code 1:12:21.8898394 PM}, {@code 7/31/2020 7:37:18 AM}, {@code 1,024}. */
    EN_US("en-US", true, '.', ",", "M/d/yyyy"),
    /** {@code 13:12:21,8898394}, {@code 31/07/2020 7:37:18}, {@code 1.024}. */
    ES_ES("es-ES", false, ',', ".", "dd/MM/yyyy"),
    /** {@code 13:12:21,8898394}, {@code 31/07/2020 7:37:18}, {@code 1.024}. */
    IT_IT("it-IT", false, ',', ".", "dd/MM/yyyy"),
    /** {@code 13:12:21,8898394}, {@code 31.07.2020 7:37:18}, {@code 1 024} (no-break space). */
    RU_RU("ru-RU", false, ',', "\u00a0", "dd.MM.yyyy"),
    /** {@code 13:12:21.8898394}, {@code 2020/07/31 7:37:18}, {@code 1,024}. */
    JA_JP("ja-JP", false, '.', ",", "yyyy/MM/dd");

    private final String tag;
    private final boolean twelveHour;
    private final char decimal;
    private final String grouping;
    private final String datePattern;

    ExportLocale(String tag, boolean twelveHour, char decimal, String grouping, String datePattern) {
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

    @Override
    public String toString() {
        return tag;
    }

    /**
     * @param tag a tag such as {@code en-US} (case-insensitive, {@code _} accepted)
     * @return the locale
     * @throws IllegalArgumentException for a locale not listed here, naming the known ones
     */
    public static ExportLocale of(String tag) {
        for (ExportLocale l : values()) {
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
        long t = Math.floorMod(ticks, Timeline.TICKS_PER_DAY);
        StringBuilder sb = new StringBuilder(20);
        clock(sb, t / Timeline.TICKS_PER_SECOND).append(decimal);
        pad(sb, t % Timeline.TICKS_PER_SECOND, 7);
        if (twelveHour) {
            sb.append(t / Timeline.TICKS_PER_SECOND / 3600 < 12 ? " AM" : " PM");
        }
        return sb.toString();
    }

    /**
     * Formats a Date &amp; Time column value: whole seconds, date order per locale.
     *
     * @param firstDay the timeline's day zero
     * @param ticks    100-ns ticks on the timeline
     * @return e.g. {@code 7/31/2020 7:37:18 AM}
     */
    public String dateTime(LocalDate firstDay, long ticks) {
        return dateTime(date(firstDay.plusDays(Math.floorDiv(ticks, Timeline.TICKS_PER_DAY))),
                Math.floorMod(ticks, Timeline.TICKS_PER_DAY) / Timeline.TICKS_PER_SECOND);
    }

    /**
     * @param at a local date and time (fractions of a second dropped)
     * @return e.g. {@code 7/31/2020 7:37:18 AM} or {@code 31/07/2020 7:37:18}
     */
    public String dateTime(LocalDateTime at) {
        return dateTime(date(at.toLocalDate()), at.toLocalTime().toSecondOfDay());
    }

    /** @return the date, a space and the clock time in whole seconds */
    public String dateTime(String date, long secondOfDay) {
        StringBuilder sb = new StringBuilder(24).append(date).append(' ');
        clock(sb, secondOfDay);
        if (twelveHour) {
            sb.append(secondOfDay / 3600 < 12 ? " AM" : " PM");
        }
        return sb.toString();
    }

    /**
     * @param day a date
     * @return the date in this locale's short form, e.g. {@code 7/31/2020} or {@code 31/07/2020}
     */
    public String date(LocalDate day) {
        String m = Integer.toString(day.getMonthValue());
        String d = Integer.toString(day.getDayOfMonth());
        return datePattern.replace("yyyy", Integer.toString(day.getYear()))
                .replace("MM", m.length() == 1 ? "0" + m : m).replace("dd", d.length() == 1 ? "0" + d : d)
                .replace("M", m).replace("d", d);
    }

    /**
     * Formats a column duration in seconds with seven decimals and this locale's decimal mark.
     *
     * @param ticks 100-ns ticks
     * @return e.g. {@code 0.0000074} or {@code 0,0000074}
     */
    public String seconds(long ticks) {
        StringBuilder sb = new StringBuilder(12).append(ticks / Timeline.TICKS_PER_SECOND).append(decimal);
        pad(sb, ticks % Timeline.TICKS_PER_SECOND, 7);
        return sb.toString();
    }

    /**
     * Formats an elapsed time as ProcMon's Relative Time column: {@code 00:00:02.5537873}.
     *
     * @param ticks 100-ns ticks since the first event
     * @return the text
     */
    public String relative(long ticks) {
        StringBuilder sb = new StringBuilder(17);
        long s = ticks / Timeline.TICKS_PER_SECOND;
        pad(sb, s / 3600, 2);
        sb.append(':');
        pad(sb, s / 60 % 60, 2);
        sb.append(':');
        pad(sb, s % 60, 2);
        sb.append(decimal);
        pad(sb, ticks % Timeline.TICKS_PER_SECOND, 7);
        return sb.toString();
    }

    /**
     * Writes a number with this locale's thousands separator, e.g. {@code 1,234,944}.
     *
     * @param n a number
     * @return the grouped digits
     */
    public String number(long n) {
        return number(new StringBuilder(16), n).toString();
    }

    /** Appends a number with this locale's thousands separator. */
    public StringBuilder number(StringBuilder sb, long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        sb.append(digits, 0, sign);
        int count = digits.length() - sign;
        for (int i = 0; i < count; i++) {
            if (i > 0 && (count - i) % 3 == 0) {
                sb.append(grouping);
            }
            sb.append(digits.charAt(sign + i));
        }
        return sb;
    }

    private StringBuilder clock(StringBuilder sb, long secondsOfDay) {
        long hour = secondsOfDay / 3600;
        if (twelveHour) {
            hour = hour % 12 == 0 ? 12 : hour % 12;
        }
        sb.append(hour).append(':');
        pad(sb, secondsOfDay / 60 % 60, 2);
        sb.append(':');
        pad(sb, secondsOfDay % 60, 2);
        return sb;
    }

    private static void pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
