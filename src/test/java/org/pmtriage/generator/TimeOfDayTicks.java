package org.pmtriage.generator;

/** Tick arithmetic for configurations: 100-ns ticks since midnight. */
public final class TimeOfDayTicks {

    /** Ticks in a day. */
    public static final long DAY = 86_400L * 10_000_000L;

    private TimeOfDayTicks() {
    }

    /** @return the ticks of hh:mm:ss */
    public static long of(int hour, int minute, int second) {
        return ((hour * 60L + minute) * 60 + second) * 10_000_000L;
    }
}
