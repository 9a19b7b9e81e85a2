package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pmtriage.SharedSamples;

/** A CSV export with ProcMon's Date &amp; Time column dates its report's times, as a PML does. */
class ExportFirstDayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertTrue(run.code() <= 1, run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void procmonsCsvAndItsPmlGiveTheSameDatedEvents() throws IOException {
        String csv = SharedSamples.require("procmon-parser/win10x64-process.csv").toString();
        String pml = SharedSamples.require("procmon-parser/win10x64-process.pml").toString();
        CliRun text = CliRun.of("analyze", csv);
        assertEquals("Times: as exported, zone unknown, first day 2020-07-31", text.out().lines().toList().get(2),
                "after the verdict");
        assertEquals("", text.err());
        // the capture machine was set to UTC: said so, the CSV's frame and dated events are the PML's
        JsonNode fromCsv = json("stats", "-f", "json", "--time-zone", "UTC", csv);
        JsonNode fromPml = json("stats", "-f", "json", pml);
        assertEquals("2020-07-31 07:37:18.2093997", fromCsv.at("/input/firstEventDate").asText());
        assertEquals(fromPml.at("/input/timeFrame"), fromCsv.at("/input/timeFrame"));
        assertEquals(fromPml.at("/input/firstEventDate"), fromCsv.at("/input/firstEventDate"));
        assertEquals(fromPml.at("/input/lastEventDate"), fromCsv.at("/input/lastEventDate"));
    }

    @Test
    void anExportPastMidnightDatesItsLastEventTheNextDay() throws IOException {
        JsonNode doc = json("stats", "-f", "json", "samples/parallel-build-es.csv");
        assertTrue(doc.at("/input/timeFrame/zone").isNull());
        assertEquals("2026-12-31", doc.at("/input/timeFrame/firstDay").asText());
        assertEquals("2026-12-31 23:59:59.0000235", doc.at("/input/firstEventDate").asText());
        assertTrue(doc.at("/input/lastEventDate").asText().startsWith("2027-01-01 00:0"),
                doc.at("/input/lastEventDate").asText());
        JsonNode report = json("analyze", "-f", "json", "samples/parallel-build-es.csv");
        assertEquals("2026-12-31", report.at("/input/timeFrame/firstDay").asText());
    }
}
