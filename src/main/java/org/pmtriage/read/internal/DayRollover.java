package org.pmtriage.read.internal;

import org.pmtriage.event.Timeline;

/**
 * Turns times of day into a monotonic timeline for captures that run past midnight: when a time
 * falls more than twelve hours before the previous one, the day has wrapped. Smaller steps back
 * (events logged slightly out of order) are kept as they are. Used by the readers of text exports.
 */
public final class DayRollover {

    private static final long HALF_DAY = Timeline.TICKS_PER_DAY / 2;

    private long dayOffset;
    private long previous = Long.MIN_VALUE;

    /**
     * @param timeOfDay ticks since midnight, as parsed
     * @return ticks since midnight of the first day
     */
    public long toTimeline(long timeOfDay) {
        long t = timeOfDay + dayOffset;
        if (previous != Long.MIN_VALUE && t < previous - HALF_DAY) {
            dayOffset += Timeline.TICKS_PER_DAY;
            t += Timeline.TICKS_PER_DAY;
        }
        previous = t;
        return t;
    }
}
