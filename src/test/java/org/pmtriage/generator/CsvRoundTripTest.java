package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

class CsvRoundTripTest {

    @TempDir
    Path dir;

    static List<Event> simulate(CaptureConfig config) {
        List<Event> events = new ArrayList<>();
        new BuildSimulation(config, false).forEachRemaining(events::add);
        return events;
    }

    static void write(List<Event> events, Path file, CsvCaptureWriter.Options options) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); CsvCaptureWriter w = new CsvCaptureWriter(out, options)) {
            for (Event e : events) {
                w.write(e);
            }
        }
    }

    static List<Event> read(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        try (EventReader r = LogReaders.open(file.toString(), ReadOptions.defaults().withPolicy(BadRecordPolicy.FAIL))) {
            r.forEachRemaining(events::add);
        }
        return events;
    }

    private static void assertSame7(List<Event> expected, List<Event> actual) {
        assertEquals(expected.size(), actual.size(), "event count");
        for (int i = 0; i < expected.size(); i++) {
            Event e = expected.get(i);
            Event a = actual.get(i);
            String where = "record " + e.record();
            assertEquals(e.record(), a.record(), where);
            assertEquals(e.time(), a.time(), where);
            assertEquals(e.processName(), a.processName(), where);
            assertEquals(e.pid(), a.pid(), where);
            assertEquals(e.operationName(), a.operationName(), where);
            assertEquals(e.operation(), a.operation(), where);
            assertEquals(e.path(), a.path(), where);
            assertEquals(e.result(), a.result(), where);
            assertEquals(e.detail(), a.detail(), where);
        }
    }

    @Test
    void defaultColumnsReadBackExactly() throws IOException {
        List<Event> events = simulate(CaptureConfig.defaults(7));
        Path file = dir.resolve("capture.csv");
        write(events, file, CsvCaptureWriter.Options.of(CaptureConfig.defaults(7)));
        assertSame7(events, read(file));
    }

    @Test
    void all27ColumnsInBothOrdersCarryTidParentCommandLineAndImage() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(11).withLocale(CaptureLocale.ES_ES).withPidReuse(true);
        List<Event> events = simulate(config);
        for (List<CaptureColumn> columns : List.of(CaptureColumn.ALL, CaptureColumn.ALL_ALTERNATE)) {
            Path file = dir.resolve("all27.csv");
            write(events, file, CsvCaptureWriter.Options.of(config).withColumns(columns));
            List<Event> back = read(file);
            assertSame7(events, back);
            for (int i = 0; i < events.size(); i++) {
                assertEquals(events.get(i).tid(), back.get(i).tid());
                assertEquals(events.get(i).parentPid(), back.get(i).parentPid());
                assertEquals(events.get(i).commandLine(), back.get(i).commandLine());
                assertEquals(events.get(i).imagePath(), back.get(i).imagePath());
            }
        }
    }

    @Test
    void everyLocaleRoundTripsAcrossMidnight() throws IOException {
        for (CaptureLocale locale : CaptureLocale.values()) {
            CaptureConfig config = CaptureConfig.defaults(3).withLocale(locale)
                    .withStart(TimeOfDayTicks.of(23, 59, 59), LocalDate.of(2026, 12, 31));
            List<Event> events = simulate(config);
            assertTrue(events.get(events.size() - 1).time() > TimeOfDayTicks.DAY, locale + " crosses midnight");
            Path file = dir.resolve(locale.tag() + ".csv");
            write(events, file, CsvCaptureWriter.Options.of(config).withColumns(CaptureColumn.ALL)
                    .withEncoding(locale.ordinal() % 2 == 0, locale == CaptureLocale.RU_RU));
            assertSame7(events, read(file));
        }
    }

    @Test
    void timesAreMonotonic() {
        List<Event> events = simulate(CaptureConfig.defaults(5).withStart(TimeOfDayTicks.of(23, 59, 58), LocalDate.of(2026, 1, 1)));
        for (int i = 1; i < events.size(); i++) {
            assertFalse(events.get(i).time() < events.get(i - 1).time(), "record " + events.get(i).record());
        }
    }

    @Test
    void exoticNoiseAndAdvancedOutputReadBackExactly() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(13).withNoise(0.6).withLocale(CaptureLocale.RU_RU)
                .withQuirks(ExportQuirk.rewordings());
        List<Event> events = simulate(config);
        assertTrue(events.stream().anyMatch(e -> e.path().contains("\uD83D\uDE80")), "a non-BMP path");
        assertTrue(events.stream().anyMatch(e -> e.result().equals("0xC000046F") || e.result().isEmpty()));
        Path file = dir.resolve("exotic.csv");
        write(events, file, CsvCaptureWriter.Options.of(config).withColumns(CaptureColumn.ALL_ALTERNATE));
        assertSame7(events, read(file));
    }
}
