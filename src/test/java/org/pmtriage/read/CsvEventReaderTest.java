package org.pmtriage.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.Timeline;
import org.pmtriage.read.csv.CsvEventReader;
import org.pmtriage.read.open.LogReaders;

class CsvEventReaderTest {

    private static final String HEADER = "\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private List<Event> read(String csv, BadRecordPolicy policy) throws IOException {
        List<Event> events = new ArrayList<>();
        ReadOptions options = ReadOptions.defaults().withPolicy(policy).withWarnings(warnings::add);
        try (CsvEventReader reader = new CsvEventReader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "t.csv", options)) {
            reader.forEachRemaining(events::add);
            assertEquals(InputFormat.CSV, reader.format());
        }
        return events;
    }

    @Test
    void readsQuotedFieldsWithDoubledQuotesCommasAndBareCr() throws IOException {
        List<Event> events = read(HEADER
                + "\"1:12:21.8898394 PM\",\"cmd.exe\",\"5120\",\"Process Start\",\"\",\"SUCCESS\",\"Parent PID: 4312, "
                + "Command line: \"\"cmd.exe\"\" /c a, b, Current directory: C:\\, Environment: \r;\tA=1\r;\tB=2\"\r\n"
                + "\"1:12:21.9000000 PM\",\"cmd.exe\",\"5120\",\"CloseFile\",\"C:\\x, y.txt\",\"SUCCESS\",\"\"\r\n",
                BadRecordPolicy.FAIL);
        assertEquals(2, events.size());
        Event start = events.get(0);
        assertEquals(Operation.PROCESS_START, start.operation());
        assertTrue(start.detail().endsWith("Environment: \r;\tA=1\r;\tB=2"), start.detail());
        assertTrue(start.detail().contains("\"cmd.exe\" /c a, b"));
        assertEquals("C:\\x, y.txt", events.get(1).path());
        assertEquals(2, events.get(1).record());
        assertEquals(Event.UNKNOWN, events.get(1).tid());
    }

    @Test
    void mapsColumnsByNameInAnyOrderWithOptionalOnes() throws IOException {
        String csv = "\"PID\",\"TID\",\"Result\",\"Operation\",\"Parent PID\",\"Time of Day\",\"Path\",\"Process Name\","
                + "\"Command Line\"\n\"42\",\"7\",\"SUCCESS\",\"WriteFile\",\"4\",\"23:59:59,9999999\",\"C:\\a\",\"x.exe\","
                + "\"x.exe -q\"\n";
        Event e = read(csv, BadRecordPolicy.FAIL).get(0);
        assertEquals(42, e.pid());
        assertEquals(7, e.tid());
        assertEquals(4, e.parentPid());
        assertEquals("x.exe -q", e.commandLine());
        assertEquals("", e.detail());
        assertEquals(Timeline.TICKS_PER_DAY - 1, e.time());
        assertEquals(1, warnings.size(), "one warning for the missing Detail column");
        assertTrue(warnings.get(0).startsWith("t.csv: no Detail column"), warnings.get(0));
    }

    @Test
    void missingRequiredColumnIsRejectedWithItsName() {
        LogFormatException e = assertThrows(LogFormatException.class, () -> read(
                "\"Time of Day\",\"Process Name\",\"Operation\",\"Path\",\"Result\"\r\n", BadRecordPolicy.SKIP));
        assertEquals("t.csv:1: not a ProcMon CSV export: no \"PID\" column (header has 5 columns, needs Time of Day,"
                + " Process Name, PID, Operation, Path, Result)", e.getMessage());
    }

    @Test
    void badRecordsAreSkippedAndCountedOrStopAStrictRead() throws IOException {
        String csv = HEADER
                + "\"1:00:00.0 AM\",\"a.exe\",\"x1\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n"
                + "\"1:00:00.1 AM\",\"a.exe\",\"1\",\"ReadFile\",\"C:\\a\",\"SUCCESS\"\r\n"
                + "\"late\",\"a.exe\",\"1\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n"
                + "\"1:00:00.3 AM\",\"a.exe\",\"1\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n";
        List<Event> events = read(csv, BadRecordPolicy.SKIP);
        assertEquals(1, events.size());
        assertEquals(1, events.get(0).record(), "record numbers count good records");
        assertEquals(List.of("t.csv:2: skipped: PID \"x1\" is not a number",
                "t.csv:3: skipped: record has 6 fields, but the header has 7",
                "t.csv:4: skipped: Time of Day \"late\" is not a time"), warnings);
        LogFormatException e = assertThrows(LogFormatException.class, () -> read(csv, BadRecordPolicy.FAIL));
        assertEquals("t.csv:2: PID \"x1\" is not a number", e.getMessage());
    }

    @Test
    void spreadsheetResaveIsRejectedClearly() {
        String csv = "Time of Day,Process Name,PID,Operation,Path,Result,Detail\n44:57.9,1.exe,1,RegOpenKey,HKLM,SUCCESS,\n";
        LogFormatException e = assertThrows(LogFormatException.class, () -> read(csv, BadRecordPolicy.SKIP));
        assertTrue(e.getMessage().startsWith("t.csv:2: Time of Day \"44:57.9\" has lost its hour: this CSV was re-saved"),
                e.getMessage());
    }

    @Test
    void logReadersRecognizeGzipAndBomByContent() throws IOException {
        String csv = HEADER + "\"1:00:00.0 AM\",\"a.exe\",\"1\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            gz.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("capture.log");
        Files.write(file, bytes.toByteArray());
        try (EventReader reader = LogReaders.open(file.toString(), ReadOptions.defaults())) {
            assertEquals(InputFormat.CSV, reader.format());
            assertEquals("a.exe", reader.next().processName());
        }
    }

    @Test
    void utf16ExportIsRead() throws IOException {
        String csv = HEADER + "\"1:00:00.0 AM\",\"\u00e4.exe\",\"1\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n";
        Path file = dir.resolve("u16.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(0xFF);
        bytes.write(0xFE);
        bytes.write(csv.getBytes(StandardCharsets.UTF_16LE));
        Files.write(file, bytes.toByteArray());
        try (EventReader reader = LogReaders.open(file.toString(), ReadOptions.defaults())) {
            assertEquals("\u00e4.exe", reader.next().processName());
        }
    }

    @Test
    void unreadableInputsNameTheFileAndTheReason() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path binary = Files.write(dir.resolve("bin.csv"), new byte[] {0, 1, 2, (byte) 0xff});
        assertEquals(empty + ": empty file: not a ProcMon log", message(empty.toString()));
        assertEquals(binary + ": not a ProcMon log (CSV, XML or PML export): it starts with bytes 00 01 02 ff",
                message(binary.toString()));
        assertEquals(dir + ": is a directory, not a log file", message(dir.toString()));
        assertEquals(dir.resolve("nope.csv") + ": no such file", message(dir.resolve("nope.csv").toString()));
    }

    private static String message(String name) {
        return assertThrows(LogFormatException.class, () -> LogReaders.open(name, ReadOptions.defaults()).close())
                .getMessage();
    }
}
