package org.pmtriage.event;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report's times of day mean: the zone they are in, when it is known, and the date of the
 * timeline's day zero, when the log carries dates.
 *
 * @param zone     the zone of the times; empty for an export whose zone nobody stated
 * @param firstDay the date of the first event's day; empty when the log has no dates
 */
public record TimeFrame(Optional<ZoneId> zone, Optional<LocalDate> firstDay) {

    public TimeFrame {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(firstDay, "firstDay");
    }

    /** @return the zone's name ({@code UTC} rather than Java's {@code Z}), or empty when unknown */
    public Optional<String> zoneName() {
        return zone.map(z -> z.normalized().equals(ZoneOffset.UTC) ? "UTC" : z.getId());
    }

    /** @return one line for people, e.g. {@code UTC, first day 2019-07-12} */
    public String describe() {
        return zoneName().orElse("as exported, zone unknown")
                + firstDay.map(d -> ", first day " + d).orElse(", no date in the log");
    }

    /**
     * @param ticks a timeline position
     * @return the date and time, e.g. {@code 2019-07-12 13:42:22.1234567}, or as
     *         {@link Timeline#format} writes it when the date is unknown
     */
    public String stamp(long ticks) {
        return firstDay.map(d -> d.plusDays(Math.floorDiv(ticks, Timeline.TICKS_PER_DAY)) + " "
                + Timeline.format(Math.floorMod(ticks, Timeline.TICKS_PER_DAY))).orElseGet(() -> Timeline.format(ticks));
    }
}
