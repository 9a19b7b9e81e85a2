package org.pmtriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Timeline;

class TimelineScaleTest {

    private static final long MS = Timeline.TICKS_PER_MILLI;

    @Test
    void comparableGapsStayLinearWithRoundMillisecondTicks() {
        TimelineScale scale = new TimelineScale(new long[] {31 * MS, 0, 189_000, 214_000}, 170, 800);
        assertEquals(List.of(), scale.breaks());
        assertEquals(0, scale.origin());
        double perMs = (scale.x(31 * MS) - scale.x(0)) / 31;
        assertEquals(18.9 * perMs, scale.x(189_000) - scale.x(0), 1e-6, "linear");
        assertEquals(List.of("0 ms", "5 ms", "10 ms", "15 ms", "20 ms", "25 ms", "30 ms"),
                scale.ticks().stream().map(TimelineScale.Tick::label).toList());
    }

    @Test
    void aGapFarLongerThanTheRestIsCutShort() {
        TimelineScale scale = new TimelineScale(new long[] {0, MS, 2 * MS, 1000 * MS}, 170, 800);
        assertEquals(1, scale.breaks().size());
        assertEquals(2 * MS, scale.breaks().get(0).from());
        assertEquals(1000 * MS, scale.breaks().get(0).to());
        assertTrue(scale.x(MS) - scale.x(0) > 200, "the first 2 ms take most of the width");
        assertTrue(scale.x(500 * MS) > scale.x(2 * MS) && scale.x(500 * MS) < scale.x(1000 * MS), "inside the break");
        assertTrue(scale.ticks().stream().anyMatch(t -> t.label().equals("1000.0 ms")), "the segment after the break is labelled");
        assertTrue(scale.x(1000 * MS) <= scale.right());
    }

    @Test
    void aGapOfUnderAMillisecondIsNeverCut() {
        assertEquals(List.of(), new TimelineScale(new long[] {0, 1, 2, 9000}, 0, 800).breaks());
    }

    @Test
    void aSingleMomentStillHasAnAxis() {
        TimelineScale scale = new TimelineScale(new long[] {5 * MS}, 0, 800);
        assertEquals("0.000 ms", scale.ticks().get(0).label());
        assertTrue(scale.x(5 * MS) >= 0 && scale.x(5 * MS) < 800);
        assertTrue(scale.shows(5 * MS));
    }
}
