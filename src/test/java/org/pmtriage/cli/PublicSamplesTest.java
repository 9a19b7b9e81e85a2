package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        "noriben/Noriben_09_Apr_13__20_16_13_368000.csv, 623, 12, 0, 0, 1, 0, 61",
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
    void noribenRaceIsTheWbemLogOpenedJustBeforeASpawn() throws IOException {
        Path log = SharedSamples.require("noriben/Noriben_09_Apr_13__20_16_13_368000.csv");
        JsonNode doc = new ObjectMapper().readTree(CliRun.of("analyze", "--format", "json", log.toString()).out());
        JsonNode race = doc.get("findings").get(0);
        assertEquals("spawn-race", race.get("kind").asText());
        assertEquals("C:\\WINDOWS\\system32\\wbem\\Logs\\wbemess.log", race.get("path").asText());
        assertEquals("wscntfy.exe", race.at("/child/name").asText());
        assertEquals(18.8, race.get("gapMs").asDouble());
        assertEquals("20:16:20.2971925", race.get("openedAt").asText());
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
