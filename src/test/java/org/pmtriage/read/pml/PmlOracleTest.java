package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/**
 * Reads real PML captures and the CSV that ProcMon exported from each, and requires the same
 * events: count, per-operation counts, and for every event Time of Day, Process Name, PID,
 * Operation, Path and Result; Detail for the operations the reader decodes.
 */
class PmlOracleTest {

    private static final Set<String> DETAIL_OPERATIONS = Set.of("CreateFile", "CloseFile", "ReadFile", "WriteFile",
            "Process Create", "Process Start", "Process Exit", "Thread Create", "Thread Exit", "Load Image");
    /** ProcMon resolves the impersonated SID to DOMAIN\\user, which a reader on another machine cannot. */
    private static final Pattern IMPERSONATING = Pattern.compile("Impersonating: [^,]*");
    /** es-ES writes 1.024 where en-US writes 1,024. */
    private static final Pattern SPANISH_GROUPING = Pattern.compile("(?<=\\d)\\.(?=\\d{3}(?!\\d))");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "procmon-parser/win10x64-process.pml, procmon-parser/win10x64-process.csv, UTC, en",
        "procmon-parser/win7x86-mixed.pml, procmon-parser/win7x86-mixed.csv, UTC, en",
        "procmon-parser/LogFileUTC64Filesystem.PML.gz, procmon-parser/LogFileUTC64Filesystem.csv.gz, UTC, en",
        "procmon-parser/LogFileUTC32Filesystem.PML.gz, procmon-parser/LogFileUTC32Filesystem.csv.gz, UTC, en",
        "procmon-parser/LogfileTests64bitUTC.PML.gz, procmon-parser/LogfileTests64bitUTC.csv.gz, UTC, en",
        "procmon-parser/LogFileUTC64Registry.PML.gz, procmon-parser/LogFileUTC64Registry.csv.gz, UTC, en",
        "prsp0007-samples/Logfile.PML, prsp0007-samples/Logfile.CSV, Europe/Madrid, es",
    })
    void sameEventsAsProcMonsExport(String pml, String csv, String zone, String locale) throws Exception {
        Path pmlFile = SharedSamples.require(pml);
        Path csvFile = SharedSamples.require(csv);
        UnaryOperator<String> localize = locale.equals("es")
                ? s -> SPANISH_GROUPING.matcher(s).replaceAll(",") : UnaryOperator.identity();
        ReadOptions options = new ReadOptions(ReadOptions.defaults().policy(), w -> { }, ZoneId.of(zone), false, false);
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> pmlCounts = new TreeMap<>();
        Map<String, Integer> csvCounts = new TreeMap<>();
        long compared = 0;
        try (EventReader p = LogReaders.open(pmlFile.toString(), options);
             EventReader c = LogReaders.open(csvFile.toString(), ReadOptions.defaults())) {
            while (p.hasNext() && c.hasNext()) {
                Event a = p.next();
                Event e = c.next();
                compared++;
                pmlCounts.merge(a.operationName(), 1, Integer::sum);
                csvCounts.merge(e.operationName(), 1, Integer::sum);
                check(mismatches, e, "Time of Day (ticks)", e.time(), a.time());
                check(mismatches, e, "Process Name", e.processName(), a.processName());
                check(mismatches, e, "PID", e.pid(), a.pid());
                check(mismatches, e, "Operation", e.operationName(), a.operationName());
                check(mismatches, e, "Path", e.path(), a.path());
                check(mismatches, e, "Result", e.result(), a.result());
                if (DETAIL_OPERATIONS.contains(e.operationName())) {
                    String expected = IMPERSONATING.matcher(e.detail()).replaceAll("Impersonating: *");
                    if (!e.operationName().startsWith("Process")) {
                        expected = localize.apply(expected);
                    } else if (e.operationName().equals("Process Exit")) {
                        expected = localize.apply(expected);
                    }
                    check(mismatches, e, "Detail", expected,
                            IMPERSONATING.matcher(a.detail()).replaceAll("Impersonating: *"));
                }
            }
            assertEquals(c.hasNext(), p.hasNext(), "one log has more events after " + compared);
            assertEquals(0, p.skippedRecords());
        }
        assertTrue(mismatches.isEmpty(), mismatches.size() + " mismatches, first: " + String.join("\n", mismatches));
        assertEquals(csvCounts, pmlCounts);
        assertTrue(compared > 1000, "compared " + compared);
    }

    private static void check(List<String> mismatches, Event csv, String column, Object expected, Object actual) {
        if (!expected.equals(actual) && mismatches.size() < 20) {
            mismatches.add("record " + csv.record() + " " + csv.operationName() + " " + column + ": expected <"
                    + expected + "> but was <" + actual + ">");
        }
    }

    /** Captures with no export: the counts SOURCES.md gives from walking them independently. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "tonyrulez-file_dump/Logfile.PML; 587; CreateFile=179, CloseFile=143, ReadFile=38; Cryptomator.exe=571, TOTALCMD64.EXE=16",
        "jereksel-cloudmirror/Logfile.PML; 717; CreateFile=276, ReadFile=302, CloseFile=31; "
            + "CloudMirror.exe=490, foobar2000.exe=135, SearchProtocolHost.exe=56, Explorer.EXE=32",
    })
    void unexportedCapturesHaveTheirKnownCounts(String pml, int events, String operations, String processes)
            throws Exception {
        Path file = SharedSamples.require(pml);
        Map<String, Integer> byOperation = new TreeMap<>();
        Map<String, Integer> byProcess = new TreeMap<>();
        try (EventReader r = LogReaders.open(file.toString(), ReadOptions.defaults())) {
            r.forEachRemaining(e -> {
                byOperation.merge(e.operationName(), 1, Integer::sum);
                byProcess.merge(e.processName(), 1, Integer::sum);
            });
            assertEquals(0, r.skippedRecords());
        }
        assertEquals(events, byOperation.values().stream().mapToInt(Integer::intValue).sum());
        for (String count : operations.split(", ")) {
            String[] kv = count.split("=");
            assertEquals(Integer.valueOf(kv[1]), byOperation.get(kv[0]), kv[0]);
        }
        for (String count : processes.split(", ")) {
            String[] kv = count.split("=");
            assertEquals(Integer.valueOf(kv[1]), byProcess.get(kv[0]), kv[0]);
        }
    }

    @Test
    void version7IsRejectedByName() {
        Path v7 = SharedSamples.require("noriben/Noriben_09_Apr_13__20_16_13_368000.pml");
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> LogReaders.open(v7.toString(), ReadOptions.defaults()));
        assertEquals(v7 + ":byte 0x4: PML format version 7 is not supported (only version 9, written by ProcMon "
                + "3.40 and later); open it in a current ProcMon and save it again", e.getMessage());
    }
}
