package org.pmtriage.read.pml;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

import org.pmtriage.event.ExportLocale;
import org.pmtriage.event.Timeline;

/**
 * Builds one Detail text as ProcMon writes it: {@code Name: value} pairs joined by {@code ", "},
 * numbers grouped and dates written in the export's locale, dates in the zone the capture is
 * shown in (with that zone's offset at the event's time, as ProcMon converts every FILETIME of a
 * Detail with the exporting machine's current bias).
 */
final class PmlText {

    private final ExportLocale locale;
    private final ZoneRules rules;
    private final boolean fixedOffset;
    private long offsetTicks;
    private long eventFiletime;
    private boolean offsetKnown;
    private final StringBuilder sb = new StringBuilder(256);
    private String category = "";

    private final boolean classFirst;

    /**
     * @param classFirst whether QueryDirectory Details put FileInformationClass first (ProcMon 3.61
     *                   and later) rather than third
     */
    PmlText(ExportLocale locale, ZoneId zone, boolean classFirst) {
        this.locale = locale;
        this.classFirst = classFirst;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        if (fixedOffset) {
            offsetTicks = rules.getOffset(Instant.EPOCH).getTotalSeconds() * Timeline.TICKS_PER_SECOND;
            offsetKnown = true;
        }
    }

    boolean listsClassFirst() {
        return classFirst;
    }

    ExportLocale locale() {
        return locale;
    }

    /** Starts a new Detail for an event with this timestamp (FILETIME, UTC). */
    PmlText start(long filetime) {
        sb.setLength(0);
        category = "";
        eventFiletime = filetime;
        offsetKnown = fixedOffset;
        return this;
    }

    /** Sets the event's Category column (Read, Write, Read Metadata, Write Metadata). */
    PmlText category(String value) {
        category = value;
        return this;
    }

    /** @return the Category set since {@link #start(long)}, or empty */
    String category() {
        return category;
    }

    /** @return the text built so far */
    String done() {
        return sb.toString();
    }

    /** Appends {@code name: } after a separator when needed. */
    StringBuilder key(String name) {
        if (sb.length() > 0) {
            sb.append(", ");
        }
        return sb.append(name).append(": ");
    }

    PmlText text(String name, String value) {
        key(name).append(value);
        return this;
    }

    /** Appends a grouped number: {@code 1,024} in en-US. */
    PmlText number(String name, long value) {
        locale.number(key(name), value);
        return this;
    }

    /** Appends a plain decimal number. */
    PmlText plain(String name, long value) {
        key(name).append(value);
        return this;
    }

    PmlText hex(String name, long value) {
        key(name).append("0x").append(Long.toHexString(value));
        return this;
    }

    PmlText bool(String name, boolean value) {
        key(name).append(value ? "True" : "False");
        return this;
    }

    /** Appends a FILETIME as a local date and time in whole seconds. */
    PmlText date(String name, long filetime) {
        key(name).append(date(filetime));
        return this;
    }

    /** Appends 100-ns ticks as seconds with seven decimals, always with a decimal point. */
    PmlText seconds(String name, long ticks) {
        PmlDetails.seconds(key(name), ticks);
        return this;
    }

    /** @return a FILETIME as the export writes it, e.g. {@code 7/3/2020 8:14:19 PM} */
    String date(long filetime) {
        if (!offsetKnown) {
            offsetTicks = rules.getOffset(PmlClock.toInstant(eventFiletime)).getTotalSeconds() * Timeline.TICKS_PER_SECOND;
            offsetKnown = true;
        }
        long local = filetime - PmlClock.UNIX_EPOCH + offsetTicks;
        long day = Math.floorDiv(local, Timeline.TICKS_PER_DAY);
        long second = Math.floorMod(local, Timeline.TICKS_PER_DAY) / Timeline.TICKS_PER_SECOND;
        return locale.dateTime(LocalDateTime.ofEpochSecond(day * 86_400L + second, 0, ZoneOffset.UTC));
    }
}
