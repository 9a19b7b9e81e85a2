package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 7, CSV and general cases, through the command line: each broken input gives the
 * documented exit code and one-line message ({@code docs/robustness.md}), lenient by default and
 * stopping at the first bad record with {@code --strict}; never a stack trace.
 */
@ResourceLock("java.lang.System.in") // replaces standard input to read from it
class CsvInputCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void emptyFileIsUnreadable() throws IOException {
        Path log = write("empty.csv", new byte[0]);
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ": empty file: not a ProcMon log", run.error());
        assertEquals("", run.out());
    }

    @Test
    void randomBytesAreNotALog() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[0] = (byte) 0x9c;
        Path log = write("random.bin", bytes);
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertTrue(run.error().matches("pmtriage analyze: \\Q" + log
                + "\\E: not a ProcMon log \\(CSV, XML or PML export\\): it starts with bytes 9c( [0-9a-f]{2}){7}"), run.err());
    }

    @Test
    void headerOnlyIsAnEmptyReportWithAWarning() throws IOException {
        Path log = write("header.csv", Csv.of());
        Cli run = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, run.code());
        assertEquals("pmtriage analyze: warning: " + log + ": the log holds no events", run.error());
        assertEquals(0, json(run).at("/input/events").asInt());
    }

    @Test
    void missingRequiredColumnNamesIt() throws IOException {
        Path log = write("nopid.csv", new Csv().line("\"Time of Day\",\"Process Name\",\"Operation\",\"Path\",\"Result\"")
                .line(Csv.row("1:12:21.0 PM", "a.exe", "CreateFile", "C:\\a", "SUCCESS")));
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":1: not a ProcMon CSV export: no \"PID\" column (header has 5 columns,"
                + " needs Time of Day, Process Name, PID, Operation, Path, Result)", run.error());
    }

    @Test
    void unterminatedQuoteAtTheEndSkipsTheLastRecord() throws IOException {
        Path log = write("cut.csv", Csv.of(Csv.OPEN).raw("\"1:12:21.2000000 PM\",\"python.exe\",\"4312\",\"Close"));
        Cli lenient = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, lenient.code());
        assertEquals("pmtriage analyze: warning: " + log + ":3: skipped: the file ends inside a quoted field that starts"
                + " on this line (unterminated quote)", lenient.error());
        assertEquals(1, json(lenient).at("/input/events").asInt());
        assertEquals(1, json(lenient).at("/input/skippedRecords").asInt());

        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertEquals("pmtriage analyze: " + log + ":3: the file ends inside a quoted field that starts on this line"
                + " (unterminated quote)", strict.error());
        assertEquals("", strict.out());
    }

    @Test
    void wrongFieldCountIsSkippedOrStops() throws IOException {
        assertSkippedOrStops(Csv.row("1:12:21.0 PM", "a.exe", "4"), "record has 3 fields, but the header has 7");
    }

    @Test
    void nonNumericPidIsSkippedOrStops() throws IOException {
        assertSkippedOrStops(Csv.row("1:12:21.0 PM", "a.exe", "4x2", "CreateFile", "C:\\a", "SUCCESS", ""),
                "PID \"4x2\" is not a number");
    }

    @Test
    void controlCharactersInAWarningAreShownAsQuestionMarks() throws IOException {
        assertSkippedOrStops(Csv.row("1:12:21.01 \u0081\u001b[2J", "a.exe", "4", "CreateFile", "C:\\a", "SUCCESS", ""),
                "Time of Day \"1:12:21.01 ??[2J\" is not a time");
    }

    @Test
    void unparseableTimeIsSkippedOrStops() throws IOException {
        assertSkippedOrStops(Csv.row("25:61:00.0", "a.exe", "4", "CreateFile", "C:\\a", "SUCCESS", ""),
                "Time of Day \"25:61:00.0\" is not a time");
    }

    @Test
    void everyRecordMalformedIsUnreadable() throws IOException {
        Path log = write("allbad.csv", Csv.of(Csv.row("soon", "a.exe", "4", "CreateFile", "C:\\a", "SUCCESS", ""),
                Csv.row("later", "a.exe", "4", "CloseFile", "C:\\a", "SUCCESS", "")));
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: warning: " + log + ":2: skipped: Time of Day \"soon\" is not a time\n"
                + "pmtriage analyze: warning: " + log + ":3: skipped: Time of Day \"later\" is not a time\n"
                + "pmtriage analyze: " + log + ": no readable event: all 2 records are malformed (--strict stops at the"
                + " first and names it)", run.error());
        assertEquals("", run.out());
    }

    @Test
    void twentyMegabyteFieldIsSkippedWithinTheRecordLimit() throws IOException {
        String huge = Csv.row("1:12:21.0500000 PM", "a.exe", "4", "CreateFile", "C:\\" + "A".repeat(20_000_000),
                "SUCCESS", "");
        Path log = write("huge.csv", Csv.of(Csv.OPEN, huge, Csv.CLOSE));
        Cli lenient = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, lenient.code());
        assertEquals("pmtriage analyze: warning: " + log + ":3: skipped: record is longer than 16 MiB (a runaway quote"
                + " or a huge field)", lenient.error());
        assertEquals(2, json(lenient).at("/input/events").asInt(), "the records after it are read");

        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertEquals("pmtriage analyze: " + log + ":3: record is longer than 16 MiB (a runaway quote or a huge field)",
                strict.error());
    }

    @Test
    void nulBytesInsideAFieldAreRead() throws IOException {
        Path log = write("nul.csv", Csv.of(Csv.OPEN.replace("python.exe", "py\0thon.exe"), Csv.CLOSE));
        Cli run = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(2, json(run).at("/input/events").asInt());
    }

    @Test
    void zeroFilledTailOfACrashedCopyIsSkipped() throws IOException {
        Path log = write("zeros.csv", Csv.of(Csv.OPEN, Csv.CLOSE).bytes(new byte[100_000]));
        Cli run = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, run.code());
        assertEquals("pmtriage analyze: warning: " + log + ":4: skipped: record has 1 fields, but the header has 7",
                run.error());
        assertEquals(2, json(run).at("/input/events").asInt());
    }

    @Test
    void controlCharactersFromTheLogNeverReachTheTerminal() throws IOException {
        String hostile = "C:\\evil\u001b]0;owned\u0007\u001b[2J.cpp";
        // the CloseFile of another file: a capture with CloseFile events lists the object left open
        Path log = write("escape.csv", Csv.of(Csv.OPEN.replace("C:\\build\\a.cpp", hostile)
                .replace("python.exe", "py\u009bthon.exe"), Csv.OPEN, Csv.CLOSE));
        Cli analyze = Cli.run("analyze", "--all", log.toString());
        assertEquals(0, analyze.code(), analyze.err());
        assertTrue(analyze.out().contains(" opened C:\\evil?]0;owned??[2J.cpp at ") && analyze.out().contains("py?thon.exe ("),
                analyze.out());
        Cli stats = Cli.run("stats", write("ops.csv", Csv.of(Csv.OPEN.replace("CreateFile", "Create\u001b[31mFile")))
                .toString());
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("Create?[31mFile"), stats.out());
        assertTrue(analyze.out().chars().noneMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b)
                && stats.out().chars().noneMatch(c -> c == 0x1b), "no control character printed");
    }

    @Test
    void utf16WithOrWithoutByteOrderMarkIsRead() throws IOException {
        String text = Csv.of(Csv.OPEN, Csv.CLOSE).text();
        byte[][] encodings = {
            concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
            concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
            text.getBytes(StandardCharsets.UTF_16LE),
            text.getBytes(StandardCharsets.UTF_16BE),
        };
        for (byte[] bytes : encodings) {
            Path log = write("utf16.csv", bytes);
            Cli run = Cli.run("analyze", "--format", "json", log.toString());
            assertEquals(0, run.code(), run.err());
            assertEquals("", run.err());
            assertEquals(2, json(run).at("/input/events").asInt());
        }
    }

    @Test
    void truncatedGzipKeepsTheEventsBeforeTheCut() throws IOException {
        Csv csv = Csv.of();
        for (int i = 0; i < 2000; i++) {
            csv.line(Csv.OPEN.replace("a.cpp", "f" + i + ".cpp"));
        }
        byte[] gz = gzip(csv.toBytes());
        int cut = gz.length / 2;
        Path log = write("cut.csv.gz", Arrays.copyOf(gz, cut));
        Cli lenient = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, lenient.code());
        String first = lenient.err().lines().findFirst().orElseThrow();
        assertEquals("pmtriage analyze: warning: " + log + ":byte " + cut + ": the .gz file is truncated: its compressed"
                + " data ends early; reading stopped there, the report covers the events before it", first);
        int events = json(lenient).at("/input/events").asInt();
        assertTrue(events > 100 && events < 2000, "events before the cut: " + events);

        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertEquals("pmtriage analyze: " + log + ":byte " + cut + ": the .gz file is truncated: its compressed data"
                + " ends early", strict.error());
    }

    @Test
    void corruptGzipKeepsTheEventsBeforeTheDamage() throws IOException {
        Csv csv = Csv.of();
        for (int i = 0; i < 20_000; i++) {
            csv.line(Csv.OPEN.replace("a.cpp", "f" + i + ".cpp"));
        }
        byte[] gz = gzip(csv.toBytes());
        for (int i = gz.length * 3 / 4; i < gz.length * 3 / 4 + 64; i++) {
            gz[i] = (byte) 0xFF;
        }
        Path log = write("damaged.csv.gz", gz);
        Cli lenient = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, lenient.code());
        String first = lenient.err().lines().findFirst().orElseThrow();
        assertTrue(first.matches("pmtriage analyze: warning: \\Q" + log + "\\E:byte \\d+: the \\.gz file is corrupt \\(.+\\);"
                + " reading stopped there, the report covers the events before it"), first);
        int events = json(lenient).at("/input/events").asInt();
        assertTrue(events > 1000 && events < 20_000, "events before the damage: " + events);

        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertTrue(strict.error().matches("pmtriage analyze: \\Q" + log + "\\E:byte \\d+: the \\.gz file is corrupt \\(.+\\)"),
                strict.err());
    }

    @Test
    void gzipCutInsideItsHeaderIsUnreadable() throws IOException {
        Path log = write("head.csv.gz", Arrays.copyOf(gzip(Csv.of(Csv.OPEN).toBytes()), 6));
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":byte 6: the .gz file is truncated: it ends inside its gzip header",
                run.error());
    }

    @Test
    void folderWithoutLogsAndFolderAsTheOneLog() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("captures"));
        Cli analyze = Cli.run("analyze", folder.toString());
        assertEquals(3, analyze.code());
        assertEquals("pmtriage analyze: " + folder + ": folder holds no .csv, .xml or .pml log (plain or .gz)",
                analyze.error());
        Cli stats = Cli.run("stats", folder.toString());
        assertEquals(3, stats.code());
        assertEquals("pmtriage stats: " + folder + ": folder holds no .csv, .xml or .pml log (plain or .gz)",
                stats.error());
    }

    @Test
    void missingFileIsUnreadable() {
        Path log = dir.resolve("gone.csv");
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ": no such file", run.error());
    }

    @Test
    void fileThatFailsToReadIsUnreadable() {
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "needs Linux /proc");
        Cli run = Cli.run("analyze", mem.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: /proc/self/mem: cannot read: Input/output error", run.error());
    }

    @Test
    void fileWithoutReadPermissionIsUnreadable() throws IOException {
        Path log = write("secret.csv", Csv.of(Csv.OPEN));
        Files.setPosixFilePermissions(log, Set.of());
        assumeFalse(Files.isReadable(log), "root reads every file");
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ": permission denied", run.error());
    }

    @Test
    void standardInputIsReadAsCsv() throws IOException {
        Cli run = Cli.withStdin(Csv.of(Csv.OPEN, Csv.CLOSE).toBytes(), "analyze", "--format", "json", "-");
        assertEquals(0, run.code(), run.err());
        assertEquals(2, json(run).at("/input/events").asInt());
        assertEquals("csv", json(run).at("/input/format").asText());
    }

    @Test
    void brokenStandardInputIsNamedAsSuch() {
        Cli run = Cli.withStdin("hello\n".getBytes(StandardCharsets.UTF_8), "analyze", "-");
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: <stdin>:1: not a ProcMon CSV export: no \"Time of Day\" column (header has 1"
                + " columns, needs Time of Day, Process Name, PID, Operation, Path, Result)", run.error());
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path log = write("pid.csv", Csv.of(Csv.row("1:12:21.0 PM", "a.exe", "x", "CreateFile", "C:\\a", "SUCCESS", "")));
        Cli run = Cli.run("analyze", "--strict", "--debug", log.toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains("\tat org.pmtriage.read.csv.CsvEventReader"), run.err());
        assertTrue(run.err().endsWith("pmtriage analyze: " + log + ":2: PID \"x\" is not a number\n"), run.err());
    }

    private void assertSkippedOrStops(String badRow, String what) throws IOException {
        Path log = write("bad.csv", Csv.of(Csv.OPEN, badRow, Csv.CLOSE));
        Cli lenient = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(0, lenient.code());
        assertEquals("pmtriage analyze: warning: " + log + ":3: skipped: " + what, lenient.error());
        assertEquals(2, json(lenient).at("/input/events").asInt());
        assertEquals(1, json(lenient).at("/input/skippedRecords").asInt());

        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertEquals("pmtriage analyze: " + log + ":3: " + what, strict.error());
        assertEquals("", strict.out());
    }

    private Path write(String name, Csv csv) throws IOException {
        return write(name, csv.toBytes());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static JsonNode json(Cli run) throws IOException {
        return JSON.readTree(run.out());
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
