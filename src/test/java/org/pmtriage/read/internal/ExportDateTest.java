package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The day and month order of a Date &amp; Time value comes from the text, or from AM/PM, or stays undecided. */
class ExportDateTest {

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            7/31/2020 7:37:18 AM     | 7:37:18.2093997 AM | 2020-07-31
            31/07/2020 15:42:22      | 15:42:22,8459553   | 2020-07-31
            31.07.2020 19:04:47      | 19:04:47,3955378   | 2020-07-31
            2020/07/31 18:40:23      | 18:40:23.1038915   | 2020-07-31
            2020-07-31 18:40:23      | 18:40:23.1038915   | 2020-07-31
            12/31/2026 11:59:59 PM   | 11:59:59.0000235 PM| 2026-12-31
            13/01/2026 0:00:01       | 0:00:01,0000000    | 2026-01-13
            01/13/2026 0:00:01       | 0:00:01,0000000    | 2026-01-13
            """)
    void aPartOver12OrAYearFirstDecidesFromTheTextAlone(String dateAndTime, String timeOfDay, String expected) {
        assertEquals(Optional.of(LocalDate.parse(expected)), ExportDate.parse(dateAndTime, timeOfDay));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            7/11/2020 4:33:14 PM     | 4:33:14.3062614 PM | 2020-07-11
            3/12/2026 2:03:07 PM     | 2:03:07.2500000 pm | 2026-03-12
            12/03/2026 14:03:07      | 14:03:07,2500000   | -
            12/03/2026 2:03:07 PM    | 14:03:07,2500000   | -
            05/03/2026 7:00:00       | 7:00:00.0000000    | -
            12.03.2026 14:03:07      | 14:03:07,2500000   | 2026-03-12
            2026/03/12 14:03:07      | 14:03:07.2500000   | 2026-03-12
            12-03-2026 2:03:07 PM    | 2:03:07.2500000 PM | -
            13-03-2026 14:03:07      | 14:03:07.2500000   | 2026-03-13
            """)
    void whenBothCouldBeTheMonthTheSeparatorOrAnEnUsTimeDecidesOrNothingDoes(String dateAndTime, String timeOfDay,
                                                                             String expected) {
        Optional<LocalDate> want = expected.equals("-") ? Optional.empty() : Optional.of(LocalDate.parse(expected));
        assertEquals(want, ExportDate.parse(dateAndTime, timeOfDay));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                       | 7:37:18.2093997 AM
            n/a                      | 7:37:18.2093997 AM
            7/31/20 7:37:18 AM       | 7:37:18.2093997 AM
            31/02/2020 7:37:18       | 7:37:18,0000000
            13/13/2020 7:37:18       | 7:37:18,0000000
            2020/31/07 7:37:18       | 7:37:18,0000000
            7/31/2020/1 7:37:18 AM   | 7:37:18.2093997 AM
            7/3x/2020 7:37:18 AM     | 7:37:18.2093997 AM
            2020. 07. 31. 7:37:18    | 7:37:18,0000000
            123/1/2020 7:37:18       | 7:37:18,0000000
            """)
    void whatIsNoWholeDateGivesNone(String dateAndTime, String timeOfDay) {
        assertEquals(Optional.empty(), ExportDate.parse(dateAndTime, timeOfDay));
    }

    @Test
    void theWarningQuotesTheValueClippedAndPrintable() {
        assertEquals("t.csv:2: Date & Time \"12/03/2026 14:03:07\" gives no certain date (not a date, or day and"
                + " month could be either way round): times are shown without a date",
                ExportDate.undecided("t.csv:2", "12/03/2026 14:03:07"));
        assertEquals("x.xml: Date & Time \"a?b" + "c".repeat(37) + "...\" gives no certain date (not a date, or day and"
                + " month could be either way round): times are shown without a date",
                ExportDate.undecided("x.xml", "a\u0007b" + "c".repeat(50)));
    }
}
