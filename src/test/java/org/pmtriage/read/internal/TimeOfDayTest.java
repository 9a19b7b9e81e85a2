package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.event.Timeline;

class TimeOfDayTest {

    private static final long AFTERNOON = ((13 * 60 + 12) * 60 + 21) * Timeline.TICKS_PER_SECOND + 8_898_394;

    @ParameterizedTest
    @ValueSource(strings = {"1:12:21.8898394 PM", "13:12:21,8898394", "13:12:21.8898394", "01:12:21.8898394 pm",
        "\uc624\ud6c4 1:12:21.8898394", "\u5348\u5f8c 1:12:21.8898394", "\u4e0b\u53481:12:21.8898394",
        "1:12:21,8898394 p. m.", "1:12:21.8898394 P.M.", "13.12.21,8898394"})
    void everyLocaleFormGivesTheSameTime(String text) {
        assertEquals(AFTERNOON, TimeOfDay.parse(text));
    }

    @Test
    void twelveOClockAndShortFractions() {
        assertEquals(0, TimeOfDay.parse("12:00:00.0000000 AM"));
        assertEquals(12 * 3600 * Timeline.TICKS_PER_SECOND, TimeOfDay.parse("12:00:00 PM"));
        assertEquals(5_000_000, TimeOfDay.parse("0:00:00,5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "44:57.9", "25:00:00.0", "13:61:00.0", "13:00:00.", "1:00:00.0 XM", "13:00:00.0 PM", "abc",
        "AM 1:00:00.0 PM", "1:00:00.0.5", "1:2:3:4", "13.12:21,5", "13.12.21.5"})
    void rejectsWhatIsNotATime(String text) {
        assertEquals(TimeOfDay.INVALID, TimeOfDay.parse(text));
    }

    @Test
    void formatWritesTheTimelineBack() {
        assertEquals("13:12:21.8898394", Timeline.format(AFTERNOON));
        assertEquals("+1d 00:00:00.0000001", Timeline.format(Timeline.TICKS_PER_DAY + 1));
    }

    @Test
    void midnightWrapKeepsTheTimelineMonotonic() {
        DayRollover days = new DayRollover();
        long late = TimeOfDay.parse("11:59:59.9000000 PM");
        long early = TimeOfDay.parse("12:00:00.1000000 AM");
        assertEquals(late, days.toTimeline(late));
        assertEquals(Timeline.TICKS_PER_DAY + early, days.toTimeline(early));
        assertEquals(Timeline.TICKS_PER_DAY + early - 5, days.toTimeline(early - 5), "small steps back stay");
    }
    @Test
    void commonFormsFromBytesReadAsTheGeneralParserReadsThem() {
        java.util.Random random = new java.util.Random(11);
        String[] shapes = {"h:mm:ss.fffffff AM", "h:mm:ss.fffffff PM", "hh:mm:ss.fffffff", "h:mm:ss.fffffff",
            "hh:mm:ss.fffffff PM", "h:mm:ss,fffffff", "hh:mm:ss.ffffff", "h:mm:ss.fffffff XM", "h.mm.ss.fffffff",
            "hh:mm:ss.fffffff AMX", " h:mm:ss.fffffff"};
        int common = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (char c : shapes[random.nextInt(shapes.length)].toCharArray()) {
                text.append(switch (c) {
                    case 'h', 'm', 's', 'f' -> (char) ('0' + random.nextInt(random.nextInt(20) == 0 ? 13 : 10));
                    case 'X' -> "AP?".charAt(random.nextInt(3));
                    default -> c;
                });
            }
            byte[] bytes = ("x" + text + "y").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            long fast = TimeOfDay.parseCommon(bytes, 1, bytes.length - 1);
            if (fast != TimeOfDay.UNCOMMON) {
                common++;
                assertEquals(TimeOfDay.parse(text), fast, text.toString());
            }
        }
        assertTrue(common > 5_000, "common forms met: " + common);
    }
}
