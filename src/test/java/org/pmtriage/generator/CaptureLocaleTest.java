package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pmtriage.read.internal.TimeOfDay;

class CaptureLocaleTest {

    private static final long AFTERNOON = TimeOfDayTicks.of(13, 12, 21) + 8_898_394;
    private static final long MORNING = TimeOfDayTicks.of(6, 55, 7) + 236_729;

    @Test
    void timesOfDayAreWrittenAsInRealExports() {
        assertEquals("1:12:21.8898394 PM", CaptureLocale.EN_US.timeOfDay(AFTERNOON));
        assertEquals("6:55:07.0236729 AM", CaptureLocale.EN_US.timeOfDay(MORNING));
        assertEquals("12:00:00.0000000 AM", CaptureLocale.EN_US.timeOfDay(TimeOfDayTicks.DAY));
        assertEquals("12:30:00.0000000 PM", CaptureLocale.EN_US.timeOfDay(TimeOfDayTicks.of(12, 30, 0)));
        assertEquals("13:12:21,8898394", CaptureLocale.ES_ES.timeOfDay(AFTERNOON));
        assertEquals("13:12:21,8898394", CaptureLocale.IT_IT.timeOfDay(AFTERNOON));
        assertEquals("13:12:21,8898394", CaptureLocale.RU_RU.timeOfDay(AFTERNOON));
        assertEquals("13:12:21.8898394", CaptureLocale.JA_JP.timeOfDay(AFTERNOON));
        assertEquals("0:00:01,0000000", CaptureLocale.ES_ES.timeOfDay(TimeOfDayTicks.DAY + TimeOfDayTicks.of(0, 0, 1)));
    }

    @Test
    void everyTimeParsesBackWithTheReadersParser() {
        for (CaptureLocale l : CaptureLocale.values()) {
            for (long t = 0; t < TimeOfDayTicks.DAY; t += 3_600_000_001L) {
                assertEquals(t, TimeOfDay.parse(l.timeOfDay(t)), l + " " + l.timeOfDay(t));
            }
        }
    }

    @Test
    void datesNumbersAndDurationsFollowTheLocale() {
        LocalDate day = LocalDate.of(2020, 7, 31);
        long t = TimeOfDayTicks.of(7, 37, 18) + 2_093_997;
        assertEquals("7/31/2020 7:37:18 AM", CaptureLocale.EN_US.dateTime(day, t));
        assertEquals("31/07/2020 7:37:18", CaptureLocale.ES_ES.dateTime(day, t));
        assertEquals("31.07.2020 7:37:18", CaptureLocale.RU_RU.dateTime(day, t));
        assertEquals("2020/07/31 7:37:18", CaptureLocale.JA_JP.dateTime(day, t));
        assertEquals("8/1/2020 7:37:18 AM", CaptureLocale.EN_US.dateTime(day, t + TimeOfDayTicks.DAY));
        assertEquals("1,234,944", CaptureLocale.EN_US.number(1_234_944));
        assertEquals("1.024", CaptureLocale.ES_ES.number(1_024));
        assertEquals("8\u00a0192", CaptureLocale.RU_RU.number(8_192));
        assertEquals("999", CaptureLocale.IT_IT.number(999));
        assertEquals("0.0000074", CaptureLocale.EN_US.seconds(74));
        assertEquals("0,0156250", CaptureLocale.ES_ES.seconds(156_250));
        assertEquals("00:00:02.5537873", CaptureLocale.EN_US.relative(25_537_873));
    }

    @Test
    void tagsAreLookedUp() {
        assertEquals(CaptureLocale.IT_IT, CaptureLocale.of("it_it"));
        assertEquals("unknown locale de-DE (known: en-US, es-ES, it-IT, ru-RU, ja-JP)",
                assertThrows(IllegalArgumentException.class, () -> CaptureLocale.of("de-DE")).getMessage());
    }
}
