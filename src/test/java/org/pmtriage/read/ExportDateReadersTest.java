package org.pmtriage.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Timeline;
import org.pmtriage.generator.CaptureColumn;
import org.pmtriage.generator.CaptureConfig;
import org.pmtriage.generator.CaptureLocale;
import org.pmtriage.generator.CsvCaptureWriter;
import org.pmtriage.generator.GenerateCapture;
import org.pmtriage.generator.XmlCaptureWriter;
import org.pmtriage.read.open.LogReaders;

/**
 * The CSV and XML readers date the first day from the first event's Date &amp; Time, in every
 * locale our generator writes and in ProcMon's own exports; an undecidable date gives no date and
 * one warning.
 */
class ExportDateReadersTest {

    /** A day over 12: every locale's form says which part is the day. */
    private static final LocalDate CLEAR = LocalDate.of(2026, 3, 31);
    /** 12 March: 12/03 or 03/12 could be either, unless the form tells. */
    private static final LocalDate AMBIGUOUS = LocalDate.of(2026, 3, 12);

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    static Stream<Arguments> captures() {
        List<Arguments> all = new ArrayList<>();
        for (CaptureLocale locale : CaptureLocale.values()) {
            boolean dayFirstWith24Hours = locale == CaptureLocale.ES_ES || locale == CaptureLocale.IT_IT;
            for (String format : List.of("csv", "xml")) {
                all.add(Arguments.of(locale, format, CLEAR, Optional.of(CLEAR)));
                all.add(Arguments.of(locale, format, AMBIGUOUS,
                        dayFirstWith24Hours ? Optional.empty() : Optional.of(AMBIGUOUS)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} from {2}")
    @MethodSource("captures")
    void aGeneratedExportDatesItsFirstDayOrSaysItCannot(CaptureLocale locale, String format, LocalDate day,
                                                         Optional<LocalDate> expected) throws IOException {
        // a start seconds before midnight: the first day is the first event's, not a later one's
        CaptureConfig config = CaptureConfig.defaults(17)
                .withJobs(6, 2)
                .withStart((23 * 3600 + 59 * 60 + 58) * Timeline.TICKS_PER_SECOND, day)
                .withLocale(locale)
                .withTargetEvents(3_000);
        CsvCaptureWriter.Options columns = CsvCaptureWriter.Options.of(config).withColumns(CaptureColumn.ALL);
        Path file = dir.resolve("capture." + format);
        try (OutputStream out = Files.newOutputStream(file)) {
            if (format.equals("csv")) {
                GenerateCapture.writeCsv(config, columns, 0, out);
            } else {
                XmlCaptureWriter.write(config, new XmlCaptureWriter.Options(columns, false, 0), 0, out);
            }
        }
        long lastTime;
        try (EventReader reader = LogReaders.open(file.toString(), ReadOptions.defaults().withWarnings(warnings::add))) {
            assertTrue(reader.hasNext());
            assertEquals(expected, reader.firstDay());
            long last = 0;
            while (reader.hasNext()) {
                last = reader.next().time();
            }
            lastTime = last;
            assertEquals(expected, reader.firstDay(), "the first day stays the first event's");
        }
        assertTrue(lastTime > Timeline.TICKS_PER_DAY, "the capture runs past midnight");
        List<String> about = warnings.stream().filter(w -> w.contains("Date & Time")).toList();
        if (expected.isPresent()) {
            assertEquals(List.of(), about);
        } else {
            String text = locale.export().date(day);
            assertEquals(1, about.size(), about.toString());
            assertTrue(about.get(0).startsWith(file + (format.equals("csv") ? ":2" : "") + ": Date & Time \"" + text
                    + " 23:59:58\" gives no certain date"), about.get(0));
        }
    }

    @Test
    void procmonsOwnExportsGiveTheDayTheirPmlGives() throws IOException {
        // 7/31/2020: 31 is the day; 7/11/2020: either way round, but "4:33:14 PM" is en-US, month first
        assertEquals(Optional.of(LocalDate.of(2020, 7, 31)), firstDay("procmon-parser/win10x64-process.csv"));
        assertEquals(Optional.of(LocalDate.of(2020, 7, 11)), firstDay("procmon-parser/win7x86-mixed.csv"));
        // both machines were set to UTC, the zone the PML reader shows by default
        assertEquals(firstDay("procmon-parser/win10x64-process.pml"), firstDay("procmon-parser/win10x64-process.csv"));
        assertEquals(firstDay("procmon-parser/win7x86-mixed.pml"), firstDay("procmon-parser/win7x86-mixed.csv"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void exportsWithoutTheColumnHaveNoDateAndNoWarningAboutIt() throws IOException {
        assertEquals(Optional.empty(), firstDay("prsp0007-samples/Logfile.CSV"));
        assertEquals(Optional.empty(), firstDay("epicmine901-epic/Logfile.XML"));
        assertEquals(List.of(), warnings.stream().filter(w -> w.contains("Date & Time")).toList());
    }

    private Optional<LocalDate> firstDay(String sample) throws IOException {
        Path file = SharedSamples.require(sample);
        try (EventReader reader = LogReaders.open(file.toString(), ReadOptions.defaults().withWarnings(warnings::add))) {
            assertTrue(reader.hasNext(), sample);
            reader.next();
            return reader.firstDay();
        }
    }
}
