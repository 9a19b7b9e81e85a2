package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.generator.CaptureConfig;
import org.pmtriage.generator.CsvCaptureWriter;
import org.pmtriage.generator.GenerateCapture;
import org.pmtriage.report.TextReport;

/** Incidents and patterns end to end, on captures made by the generator. */
class IncidentReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LEAK_PATTERN = "inherited-handle leaked: python.exe -> cmd.exe, gen\\*.cpp";

    @TempDir
    Path dir;

    @Test
    void tenLeaksOfOnePatternAreOnePatternWithTenIncidents() throws IOException {
        Path log = capture("ten.csv", CaptureConfig.defaults(11).withInjections(10, 0, 0, 0).withExtras(0, 0));
        CliRun run = CliRun.of("analyze", log.toString());
        assertEquals(1, run.code(), run.err());
        List<String> lines = Arrays.asList(run.out().split("\n"));
        assertEquals("Verdict: 10 leaks of one pattern made 10 processes fail (cl.exe)", lines.get(1), run.out());
        assertEquals(1, lines.stream().filter(l -> l.contains(" pattern p")).count(), run.out());
        assertTrue(run.out().contains("ERROR  pattern p1: " + LEAK_PATTERN), run.out());
        assertTrue(run.out().contains("  10 incidents, 30 findings, 10 failed processes, from "), run.out());
        assertEquals(TextReport.EXAMPLES, lines.stream().filter(l -> l.matches("  i\\d+  ERROR  .*")).count(), run.out());
        assertTrue(run.out().contains("... 8 more incident(s) of p1 not told: i3, i4, i5, i6, i7, i8, i9, i10"), run.out());
        assertTrue(lines.size() < 40, run.out());

        CliRun all = CliRun.of("analyze", "--all", log.toString());
        assertEquals(10, Arrays.stream(all.out().split("\n")).filter(l -> l.matches("  i\\d+  ERROR  .*")).count());
    }

    @Test
    void summarizeRanksTheInjectedPatternsFirstWithTheirLogCounts() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        for (int i = 0; i < 4; i++) {
            Path log = capture("build" + i + ".csv", CaptureConfig.defaults(20 + i).withInjections(i == 3 ? 0 : i + 1, 1, 1, 2));
            Path report = reports.resolve(i < 2 ? "build" + i + ".json" : "night/build" + i + ".json");
            Files.createDirectories(report.getParent());
            CliRun run = CliRun.of("analyze", "--format", "json", "-o", report.toString(), log.toString());
            assertEquals(1, run.code(), "every build has the scanner's sharing violation: " + run.err());
        }
        CliRun run = CliRun.of("summarize", "--format", "json", reports.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(4, doc.at("/total/logs").asInt());
        JsonNode first = doc.at("/patterns/0");
        assertEquals("inherited-handle leaked: python.exe -> cmd.exe, gen\\*.cpp", first.get("title").asText());
        assertEquals(3, first.get("logCount").asInt());
        assertEquals(3, first.get("failingLogs").asInt());
        assertEquals(6, first.get("incidents").asInt(), "1 + 2 + 3 leaks");
        JsonNode second = doc.at("/patterns/1");
        assertEquals("sharing-violation", second.at("/key/kind").asText(), "the scanner's refusals, one per build");
        assertEquals("cl.exe", second.at("/key/opener").asText(), "the holder, cl.exe writing its object");
        assertEquals(4, second.get("logCount").asInt());
        for (JsonNode p : doc.get("patterns")) {
            assertTrue(p.get("logCount").asInt() <= 4);
        }

        CliRun text = CliRun.of("summarize", reports.toString());
        assertTrue(text.out().startsWith("Total: 4 logs (4 error)\nPatterns across logs, most harmful first:\n"
                + "  error   " + LEAK_PATTERN + "\n          in 3 of 4 logs; processes failed in 3 of 4 failing logs;"
                + " 6 incidents, 6 failed processes\n"), text.out());
        CliRun html = CliRun.of("summarize", "--format", "html", reports.toString());
        assertTrue(html.out().contains("<section class=\"across\""), html.out());
    }

    @Test
    void summarizeNamesAReportItCannotRead() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"input\": {}}");
        CliRun run = CliRun.of("summarize", bad.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage summarize: " + bad + ":1: written with schemaVersion 1, which has no patterns:"
                + " analyze the log again with this pmtriage\n", run.err());
        Path notJson = Files.writeString(dir.resolve("x.json"), "{ nope");
        assertTrue(CliRun.of("summarize", notJson.toString()).err().startsWith("pmtriage summarize: " + notJson + ":1: not JSON"));
    }

    private Path capture(String name, CaptureConfig config) throws IOException {
        Path log = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(log)) {
            GenerateCapture.writeCsv(config, CsvCaptureWriter.Options.of(config), 0, out);
        }
        return log;
    }
}
