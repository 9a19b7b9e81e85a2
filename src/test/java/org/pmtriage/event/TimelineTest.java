package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimelineTest {

    /**
     * What {@code millisText} wrote with a Formatter from a millisecond up (and for zero); below,
     * it writes the exact digits ({@link TimelineTextTest}).
     */
    private static String formatted(long ticks) {
        return String.format(Locale.ROOT, "%.1f", ticks / (double) Timeline.TICKS_PER_MILLI);
    }

    private static boolean belowAMillisecond(long ticks) {
        return ticks != 0 && Math.abs(ticks) < Timeline.TICKS_PER_MILLI;
    }

    @Test
    void millisTextRoundsAsTheFormatterDidFromAMillisecondUp() {
        long[] edges = {0, 1, 4, 5, 9, 10, 15, 9_994, 9_995, 9_999, 10_000, 10_499, 10_500, 10_501, 149_500,
            189_000, 999_950, 77_972_970, 8_640_000_000_000L};
        for (long t : edges) {
            if (belowAMillisecond(t)) {
                continue;
            }
            assertEquals(formatted(t), Timeline.millisText(t), "ticks " + t);
            assertEquals(formatted(-t), Timeline.millisText(-t), "ticks " + -t);
        }
        SplittableRandom random = new SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            long t = random.nextLong(-100_000_000_000L, 100_000_000_000L) / (i % 2 == 0 ? 1 : 100_000);
            if (belowAMillisecond(t)) {
                continue;
            }
            assertEquals(formatted(t), Timeline.millisText(t), "ticks " + t);
        }
    }
}
