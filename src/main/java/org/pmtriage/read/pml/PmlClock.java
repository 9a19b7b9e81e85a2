package org.pmtriage.read.pml;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;

/**
 * Converts PML timestamps (FILETIME: 100-ns ticks since 1601-01-01 UTC) to the events' timeline:
 * wall-clock ticks in the chosen zone since midnight of the first event's day. The zone offset is
 * cached until the zone's next transition, so the common case is one addition.
 */
final class PmlClock {

    /** FILETIME of 1970-01-01T00:00:00Z. */
    static final long UNIX_EPOCH = 116_444_736_000_000_000L;

    private final ZoneRules rules;
    private final long originLocal;
    private final LocalDate firstDay;
    private long offsetTicks;
    private long validFrom = Long.MAX_VALUE;
    private long validUntil = Long.MIN_VALUE;

    /**
     * @param zone          the zone times are shown in
     * @param firstFiletime the first event's timestamp, which fixes the timeline's day zero
     */
    PmlClock(ZoneId zone, long firstFiletime) {
        this.rules = zone.getRules();
        Instant first = toInstant(firstFiletime);
        this.firstDay = LocalDate.ofInstant(first, zone);
        this.originLocal = (firstDay.toEpochDay() * Timeline.TICKS_PER_DAY);
    }

    /** @return the date of the timeline's day zero, in the zone times are shown in */
    LocalDate firstDay() {
        return firstDay;
    }

    /** @return the epoch day of the timeline's day zero */
    long firstEpochDay() {
        return originLocal / Timeline.TICKS_PER_DAY;
    }

    /** @return ticks since midnight of the first day, local time */
    long toTimeline(long filetime) {
        if (filetime < validFrom || filetime >= validUntil) {
            refresh(filetime);
        }
        return filetime - UNIX_EPOCH + offsetTicks - originLocal;
    }

    /** @return the timeline value of a process-table time, or UNKNOWN_TIME for 0 */
    long processTime(long filetime) {
        return filetime == 0 ? ProcessInfo.UNKNOWN_TIME : toTimeline(filetime);
    }

    private void refresh(long filetime) {
        Instant at = toInstant(filetime);
        offsetTicks = rules.getOffset(at).getTotalSeconds() * Timeline.TICKS_PER_SECOND;
        ZoneOffsetTransition previous = rules.previousTransition(at.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        validFrom = previous == null ? Long.MIN_VALUE : toFiletime(previous.getInstant());
        validUntil = next == null ? Long.MAX_VALUE : toFiletime(next.getInstant());
    }

    static Instant toInstant(long filetime) {
        long unixTicks = filetime - UNIX_EPOCH;
        return Instant.ofEpochSecond(Math.floorDiv(unixTicks, Timeline.TICKS_PER_SECOND),
                Math.floorMod(unixTicks, Timeline.TICKS_PER_SECOND) * 100);
    }

    private static long toFiletime(Instant instant) {
        return instant.getEpochSecond() * Timeline.TICKS_PER_SECOND + instant.getNano() / 100 + UNIX_EPOCH;
    }
}
