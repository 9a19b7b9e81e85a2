package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The one helper each for durations and printable text, as every report writes them. */
class TimelineTextTest {

    @Test
    void millisecondsInTenthsFromOneUpAndToTheTickBelow() {
        assertEquals("0.0", Timeline.millisText(0));
        assertEquals("18.9", Timeline.millisText(189_000));
        assertEquals("1.0", Timeline.millisText(Timeline.TICKS_PER_MILLI));
        assertEquals("-40.0", Timeline.millisText(-400_000));
        assertEquals("0.5", Timeline.millisText(5_000));
        assertEquals("0.012", Timeline.millisText(120));
        assertEquals("0.0003", Timeline.millisText(3));
        assertEquals("-0.0003", Timeline.millisText(-3));
    }

    @Test
    void secondsToTheMillisecond() {
        assertEquals("0.778", Timeline.secondsText(7_782_235));
        assertEquals("0.000", Timeline.secondsText(0));
    }

    @Test
    void durationsAndTicksRoundTripToTheTick() {
        assertEquals(Duration.ofMillis(50), Timeline.duration(50 * Timeline.TICKS_PER_MILLI));
        assertEquals(500_000, Timeline.ticks(Duration.ofMillis(50)));
        assertEquals(1, Timeline.ticks(Duration.ofNanos(199)), "rounded down to the tick");
    }

    @Test
    void aMessageLosesEveryControlCharacter() {
        assertEquals("a?b?c?d", Printable.of("a\u001bb\nc\td"));
        String clean = "C:\\build\\x.cpp";
        assertSame(clean, Printable.of(clean));
    }

    @Test
    void aReportKeepsTabsAndLineEndsOnly() throws IOException {
        StringWriter out = new StringWriter();
        try (Writer printable = Printable.writer(out)) {
            printable.write("a\tb\r\n");
            printable.write("\u001b]0;title\u0007\u009b");
            printable.write('\u0000');
        }
        assertEquals("a\tb\r\n?]0;title???", out.toString());
    }
}
