package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimelineTest {

    /** What {@code millisText} wrote before it did without a Formatter. */
    private static String formatted(long ticks) {
        double ms = ticks / (double) Timeline.TICKS_PER_MILLI;
        return String.format(Locale.ROOT, Math.abs(ticks) < Timeline.TICKS_PER_MILLI && ticks != 0 ? "%.3f" : "%.1f", ms);
    }

    @Test
    void millisTextRoundsAsTheFormatterDid() {
        long[] edges = {0, 1, 4, 5, 9, 10, 15, 9_994, 9_995, 9_999, 10_000, 10_499, 10_500, 10_501, 149_500,
            189_000, 999_950, 77_972_970, 8_640_000_000_000L};
        for (long t : edges) {
            assertEquals(formatted(t), Timeline.millisText(t), "ticks " + t);
            assertEquals(formatted(-t), Timeline.millisText(-t), "ticks " + -t);
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            long t = random.nextLong(-100_000_000_000L, 100_000_000_000L) / (i % 2 == 0 ? 1 : 100_000);
            assertEquals(formatted(t), Timeline.millisText(t), "ticks " + t);
        }
    }
}
