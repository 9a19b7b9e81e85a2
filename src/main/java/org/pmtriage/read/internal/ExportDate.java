package org.pmtriage.read.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The date in a text export's {@code Date & Time} column, written in the exporting machine's short
 * date form: {@code 7/31/2020} (en-US), {@code 31/07/2020} (es-ES, it-IT), {@code 31.07.2020}
 * (ru-RU), {@code 2020/07/31} (ja-JP). The export does not say which form it used, so the order of
 * day and month is read from the text: a four-digit first part is a year (year, month, day); a
 * part over 12 is the day; dots are written day first by every locale that uses them. When both
 * parts could be either, a Time of Day with {@code AM}/{@code PM} marks the en-US form, month
 * first. Anything else (a 24-hour export dated {@code 05/03/2020}, a two-digit year, another
 * shape) stays undecided: no date is better than a wrong one.
 */
public final class ExportDate {

    private ExportDate() {
    }

    /**
     * @param dateAndTime a {@code Date & Time} value, e.g. {@code 7/31/2020 7:37:18 AM}
     * @param timeOfDay   the same record's {@code Time of Day}, e.g. {@code 7:37:18.2093997 AM}
     * @return the date, or empty when the text is no date or its day and month order is undecided
     */
    public static Optional<LocalDate> parse(CharSequence dateAndTime, CharSequence timeOfDay) {
        String text = dateAndTime.toString().strip();
        int space = text.indexOf(' ');
        String date = space < 0 ? text : text.substring(0, space);
        char separator = 0;
        for (int i = 0; i < date.length(); i++) {
            char c = date.charAt(i);
            if (c == '/' || c == '.' || c == '-') {
                separator = c;
                break;
            }
        }
        if (separator == 0) {
            return Optional.empty();
        }
        String[] parts = date.split(separator == '/' ? "/" : separator == '.' ? "\\." : "-", -1);
        if (parts.length != 3 || !digits(parts[0], 1, 4) || !digits(parts[1], 1, 2) || !digits(parts[2], 1, 4)) {
            return Optional.empty();
        }
        int first = Integer.parseInt(parts[0]);
        int second = Integer.parseInt(parts[1]);
        int third = Integer.parseInt(parts[2]);
        if (parts[0].length() == 4) {
            return parts[2].length() <= 2 ? of(first, second, third) : Optional.empty();
        }
        if (parts[0].length() > 2 || parts[2].length() != 4) {
            return Optional.empty();
        }
        boolean dayFirst;
        if (first > 12 || second > 12) {
            dayFirst = first > 12;
        } else if (separator == '.') {
            dayFirst = true;
        } else if (separator == '/' && twelveHour(timeOfDay)) {
            dayFirst = false;
        } else {
            return Optional.empty();
        }
        return dayFirst ? of(third, second, first) : of(third, first, second);
    }

    /**
     * @param where       the file, and the line where there is one, e.g. {@code t.csv:2}
     * @param dateAndTime the value {@link #parse} found no date in
     * @return the warning that says so
     */
    public static String undecided(String where, String dateAndTime) {
        String shown = dateAndTime.length() > 40 ? dateAndTime.substring(0, 40) + "..." : dateAndTime;
        return where + ": Date & Time \"" + shown.replaceAll("\\p{Cntrl}", "?") + "\" gives no certain date (not a"
                + " date, or day and month could be either way round): times are shown without a date";
    }

    /** @return whether the time ends in the en-US designator, {@code AM} or {@code PM} */
    private static boolean twelveHour(CharSequence timeOfDay) {
        String t = timeOfDay.toString().strip();
        return t.length() > 3 && t.charAt(t.length() - 3) == ' '
                && (t.regionMatches(true, t.length() - 2, "AM", 0, 2) || t.regionMatches(true, t.length() - 2, "PM", 0, 2));
    }

    private static boolean digits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
