package org.pmtriage.generator;

import java.time.LocalDate;

import org.pmtriage.event.ExportLocale;

/**
 * The locale a capture is exported in: how times, dates and numbers are written. Operation and
 * result names stay English in every locale, as in real exports. The formats are the product's
 * own ({@link ExportLocale}, which {@code convert --locale} writes), so a capture and a
 * conversion agree by construction; the real exports they are checked against are in
 * {@code ../shared} (en-US, es-ES).
 */
public enum CaptureLocale {
    /** {@code 1:12:21.8898394 PM}, {@code 7/31/2020}, {@code 1,024}. */
    EN_US(ExportLocale.EN_US),
    /** {@code 13:12:21,8898394}, {@code 31/07/2020}, {@code 1.024}. */
    ES_ES(ExportLocale.ES_ES),
    /** {@code 13:12:21,8898394}, {@code 31/07/2020}, {@code 1.024}. */
    IT_IT(ExportLocale.IT_IT),
    /** {@code 13:12:21,8898394}, {@code 31.07.2020}, {@code 1 024} (no-break space). */
    RU_RU(ExportLocale.RU_RU),
    /** {@code 13:12:21.8898394}, {@code 2020/07/31}, {@code 1,024}. */
    JA_JP(ExportLocale.JA_JP);

    private final ExportLocale export;

    CaptureLocale(ExportLocale export) {
        this.export = export;
    }

    /** @return the product's locale of the same formats */
    public ExportLocale export() {
        return export;
    }

    /** @return the BCP 47 tag, e.g. {@code es-ES} */
    public String tag() {
        return export.tag();
    }

    /**
     * @param tag a tag such as {@code en-US} (case-insensitive, {@code _} accepted)
     * @return the locale
     * @throws IllegalArgumentException for a locale the generator does not know
     */
    public static CaptureLocale of(String tag) {
        return valueOf(ExportLocale.of(tag).name());
    }

    /** @return a Time of Day column value, e.g. {@code 1:12:21.8898394 PM} or {@code 13:12:21,8898394} */
    public String timeOfDay(long ticks) {
        return export.timeOfDay(ticks);
    }

    /** @return a Date &amp; Time column value, e.g. {@code 7/31/2020 7:37:18 AM} */
    public String dateTime(LocalDate firstDay, long ticks) {
        return export.dateTime(firstDay, ticks);
    }

    /**
     * @param date  the date part, already formatted by {@link #date}
     * @param ticks 100-ns ticks on the timeline
     * @return the date, a space and the time in whole seconds
     */
    String dateTime(String date, long ticks) {
        return export.dateTime(date, Math.floorMod(ticks, 864_000_000_000L) / 10_000_000L);
    }

    /** @return the date in this locale's short form */
    public String date(LocalDate day) {
        return export.date(day);
    }

    /** @return a duration in seconds with seven decimals, e.g. {@code 0.0000074} or {@code 0,0000074} */
    public String seconds(long ticks) {
        return export.seconds(ticks);
    }

    /** @return an elapsed time as ProcMon's Relative Time: {@code 00:00:02.5537873} */
    public String relative(long ticks) {
        return export.relative(ticks);
    }

    /** @return a non-negative number with this locale's thousands separator, e.g. {@code 1,234,944} */
    public String number(long n) {
        return export.number(n);
    }
}
