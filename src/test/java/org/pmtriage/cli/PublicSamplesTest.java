package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmtriage.SharedSamples;

/**
 * Every real CSV export in ../shared/samples-public reads with the record counts SOURCES.md gives,
 * and its findings are pinned. Skipped where ../shared is absent (a user's clone).
 */
class PublicSamplesTest {

    @ParameterizedTest
    @CsvSource({
        // file, events, processes, unmatched closes, inherited-handle, spawn-race, sharing-violation, open-at-end
        "noriben/Noriben_09_Apr_13__20_16_13_368000.csv, 623, 12, 0, 0, 2, 0, 49",
        "procmon-parser/win10x64-process.csv, 3400, 74, 0, 0, 0, 0, 0",
        "procmon-parser/win7x86-mixed.csv, 32930, 30, 12, 0, 0, 0, 1",
        "jtarkington77-phishing/Logfile.CSV, 12, 2, 0, 0, 0, 0, 0",
        "prsp0007-samples/Logfile.CSV, 2791, 2, 0, 0, 0, 0, 0",
        "procmon-parser/LogFileUTC32Filesystem.csv.gz, 8577, 34, 0, 0, 0, 0, 0",
        "procmon-parser/LogFileUTC64Filesystem.csv.gz, 31569, 38, 0, 0, 0, 0, 0",
        "procmon-parser/LogFileUTC64Registry.csv.gz, 28240, 35, 0, 0, 0, 0, 0",
        "procmon-parser/LogfileTests64bitUTC.csv.gz, 53214, 24, 1, 0, 0, 0, 5",
    })
    void realExportReadsAndItsFindingsArePinned(String file, int events, int processes, int unmatched, int inherited,
                                                int races, int violations, int openAtEnd) throws IOException {
        Path log = SharedSamples.require(file);
        CliRun run = CliRun.of("analyze", "--format", "json", "--fail-on", "none", log.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(events, doc.at("/input/events").asInt());
        assertEquals(0, doc.at("/input/skippedRecords").asInt());
        assertEquals(processes, doc.at("/input/processes").asInt());
        assertEquals(unmatched, doc.at("/input/unmatchedCloses").asInt());
        assertEquals(inherited, doc.at("/summary/inherited-handle").asInt());
        assertEquals(races, doc.at("/summary/spawn-race").asInt());
        assertEquals(violations, doc.at("/summary/sharing-violation").asInt());
        assertEquals(openAtEnd, doc.at("/summary/open-at-end").asInt());
    }

    @Test
    void noribenRaceIsTheWbemLogOpenedJustBeforeASpawnAndNothingCanSettleIt() throws IOException {
        Path log = SharedSamples.require("noriben/Noriben_09_Apr_13__20_16_13_368000.csv");
        JsonNode doc = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", "--findings", "all",
                log.toString()).out());
        assertEquals("[\"no-close-events\",\"no-tids\"]", ids(doc.at("/input/health")));
        JsonNode race = doc.get("findings").get(0);
        assertEquals("spawn-race", race.get("kind").asText());
        assertEquals("C:\\WINDOWS\\system32\\wbem\\Logs\\wbemess.log", race.get("path").asText());
        assertEquals("wscntfy.exe", race.at("/child/name").asText());
        assertEquals(18.8, race.get("gapMs").asDouble());
        assertEquals("20:16:20.2971925", race.get("openedAt").asText());
        assertEquals(262, race.get("openRecord").asInt());
        assertEquals(275, race.get("spawnRecord").asInt());
        assertEquals("possible", race.get("grade").asText());
        assertEquals("info", race.get("severity").asText(), "nothing shows wbemess.log still open at the spawn");
        assertEquals(false, race.get("openAtSpawnShown").asBoolean());
        assertTrue(race.get("reason").asText().endsWith("the capture has no CloseFile events, so nothing shows the file"
                + " was still open when the child was created, nor settles the race"), race.get("reason").asText());
        JsonNode selfDelete = doc.get("findings").get(1);
        assertEquals("intended", selfDelete.get("grade").asText());
        assertEquals(336, selfDelete.get("openRecord").asInt());
        assertEquals(334, selfDelete.get("spawnRecord").asInt());
        assertEquals(2, doc.get("findings").size(), "no open-at-end listed without CloseFile events");
    }

    @Test
    void sreProjectViolationsAreUnexplainedInAProcessFilteredCapture() throws IOException {
        Path log = SharedSamples.require("sre-project/Logfile.CSV");
        JsonNode doc = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", "--findings", "all",
                "--fail-on", "none", log.toString()).out());
        assertEquals("[\"filtered\",\"no-tids\"]", ids(doc.at("/input/health")));
        assertTrue(doc.at("/input/health/0/text").asText().startsWith("rinst.exe (1744), created by malware.exe"));
        int violations = 0;
        for (JsonNode f : doc.get("findings")) {
            if (f.get("kind").asText().equals("sharing-violation")) {
                violations++;
                assertEquals("C:\\Users\\Sysuser\\AppData\\Local\\Temp\\RarSFX0", f.get("path").asText());
                assertEquals("unexplained", f.get("cause").asText());
                assertFalse(f.get("explained").asBoolean());
                assertEquals(0, f.get("holders").size(), "malware.exe's own folder handle (record 1526) was released at 8032");
                assertTrue(f.get("reason").asText().contains("the capture is filtered"));
            }
        }
        assertEquals(6, violations);
        JsonNode race = doc.get("findings").get(6);
        assertEquals("benign", race.get("grade").asText());
        assertEquals(6725, race.get("openRecord").asInt());
        assertEquals(7910, race.get("spawnRecord").asInt());
    }

    @Test
    void fskorasGccBuildHasNoFindingTheChildsImageIsNoRace() throws IOException {
        Path log = SharedSamples.require("fskoras-gcc-build/Logfile.CSV");
        JsonNode doc = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", log.toString()).out());
        assertEquals(9877, doc.at("/input/events").asInt());
        assertEquals(5, doc.at("/input/processes").asInt());
        assertEquals(0, doc.get("findings").size(), doc.get("findings").toString());
        assertEquals(0, doc.at("/summary/spawn-race").asInt(), "cmd.exe's open of gcc.exe (record 108) is the child's image");
        assertEquals("[\"no-tids\"]", ids(doc.at("/input/health")));
    }

    private static String ids(JsonNode health) {
        StringBuilder out = new StringBuilder("[");
        health.forEach(h -> out.append(out.length() > 1 ? "," : "").append('"').append(h.get("id").asText()).append('"'));
        return out.append(']').toString();
    }

    @Test
    void spreadsheetResaveIsRejectedClearly() {
        Path log = SharedSamples.require("cucsec-first-blood/excel-resaved-improved-log.CSV");
        CliRun run = CliRun.of("analyze", log.toString());
        assertEquals(3, run.code());
        assertTrue(run.err().startsWith("pmtriage analyze: " + log + ":2: Time of Day \"44:57.9\" has lost its hour"),
                run.err());
        assertEquals(1, run.err().lines().count());
    }
}
