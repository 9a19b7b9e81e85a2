package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.StackFrame;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/** One capture exported as CSV and (by {@link CsvToXml}) as XML reads into the same events. */
class CsvXmlParityTest {

    private static final List<String> DEFAULT_COLUMNS =
            List.of("Time of Day", "Process Name", "PID", "Operation", "Path", "Result", "Detail");

    @TempDir
    Path dir;

    private record Read(List<Event> events, List<ProcessInfo> processes, long skipped) {
    }

    private static Read read(Path file) throws IOException {
        try (EventReader reader = LogReaders.open(file.toString(), ReadOptions.defaults())) {
            List<Event> events = new ArrayList<>();
            reader.forEachRemaining(events::add);
            return new Read(events, reader.processes(), reader.skippedRecords());
        }
    }

    private Path export(CsvToXml capture, CsvToXml.Settings settings, String name, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
             Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            capture.write(writer, settings);
        }
        return file;
    }

    private static Path sample(String name) {
        return SharedSamples.require("procmon-parser/" + name);
    }

    @Test
    void allColumnsWithProcessListGiveTheCsvEvents() throws IOException {
        Path csv = sample("win10x64-process.csv");
        CsvToXml capture = CsvToXml.read(csv);
        Read fromCsv = read(csv);
        Read fromXml = read(export(capture, CsvToXml.Settings.full(), "win10x64-process.xml", false));
        assertEquals(3400, fromXml.events().size());
        assertEquals(fromCsv.events(), withoutIndexes(fromXml.events()));
        assertEquals(fromCsv.skipped(), fromXml.skipped());
        assertIndexesAndTable(capture, fromXml);
    }

    @Test
    void otherColumnOrderGzippedWithStacksGivesTheCsvEvents() throws IOException {
        Path csv = sample("win7x86-mixed.csv");
        CsvToXml capture = CsvToXml.read(csv);
        Read fromCsv = read(csv);
        Read fromXml = read(export(capture, CsvToXml.Settings.full().withStackFrames(4), "mixed.xml.gz", true));
        assertEquals(32930, fromXml.events().size());
        assertEquals(fromCsv.events(), withoutIndexes(fromXml.events()).stream().map(CsvXmlParityTest::withoutStack).toList());
        for (Event e : fromXml.events()) {
            assertEquals(4, e.stack().depth(), e.toString());
            assertEquals(new StackFrame(0xfffff8017a2b3e10L, "C:\\WINDOWS\\System32\\drivers\\FLTMGR.SYS",
                    "FltpPerformPreCallbacks + 0x3d1"), e.stack().frames().get(3));
        }
        assertIndexesAndTable(capture, fromXml);
    }

    @Test
    void defaultColumnsWithoutProcessListGiveTheDefaultCsvColumns() throws IOException {
        Path csv = sample("win10x64-process.csv");
        CsvToXml capture = CsvToXml.read(csv);
        List<Event> expected = read(csv).events().stream().map(CsvXmlParityTest::defaultColumnsOnly).toList();
        Read fromXml = read(export(capture, CsvToXml.Settings.full().withoutProcessList().withColumns(DEFAULT_COLUMNS),
                "default.xml", false));
        assertEquals(expected, withoutIndexes(fromXml.events()));
        assertEquals(List.of(), fromXml.processes());
    }

    private static void assertIndexesAndTable(CsvToXml capture, Read fromXml) {
        Map<Integer, CsvToXml.Process> truth = capture.processes();
        assertEquals(truth.size(), fromXml.processes().size());
        for (ProcessInfo p : fromXml.processes()) {
            CsvToXml.Process t = truth.get(p.processIndex());
            assertEquals(t.pid(), p.pid());
            assertEquals(t.name(), p.name());
            assertEquals(t.start() < 0 ? ProcessInfo.UNKNOWN_TIME : t.start(), p.startTime(), p.toString());
            assertEquals(t.finish() < 0 ? ProcessInfo.UNKNOWN_TIME : t.finish(), p.endTime(), p.toString());
        }
        for (Event e : fromXml.events()) {
            assertEquals(e.pid(), truth.get(e.processIndex()).pid(), e.toString());
        }
    }

    static List<Event> withoutIndexes(List<Event> events) {
        return events.stream().map(XmlRealSamplesTest::withoutIndex).toList();
    }

    /** @return the event without its stack, which a CSV cannot carry */
    private static Event withoutStack(Event e) {
        return new Event(e.record(), e.time(), e.processName(), e.pid(), e.tid(), e.operationName(), e.operation(),
                e.path(), e.result(), e.detail(), e.parentPid(), e.commandLine(), e.imagePath(), e.processIndex(),
                e.columns());
    }

    private static Event defaultColumnsOnly(Event e) {
        return Event.basic(e.record(), e.time(), e.processName(), e.pid(), e.operationName(), e.path(), e.result(),
                e.detail());
    }
}
