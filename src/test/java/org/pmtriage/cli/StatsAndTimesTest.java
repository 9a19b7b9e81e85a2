package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code stats} of several logs, with the machine and the process tree; every report states its time frame. */
class StatsAndTimesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSV = "samples/flaky-build.csv";
    private static final String XML = "samples/parallel-build.xml";
    private static final Path PML = Path.of("../shared/samples-public/procmon-parser/win10x64-process.pml");
    private static final Path PML_MIXED = Path.of("../shared/samples-public/procmon-parser/win7x86-mixed.pml");

    private static JsonNode json(String... args) throws IOException {
        CliRun run = CliRun.of(args);
        assertTrue(run.code() <= 1, run.err());
        return JSON.readTree(run.out());
    }

    private static JsonNode process(JsonNode doc, int pid) {
        for (JsonNode p : doc.get("processes")) {
            if (p.get("pid").asInt() == pid) {
                return p;
            }
        }
        throw new AssertionError("no process " + pid);
    }

    @Test
    void anExportsTimesAreAsExportedUnlessTheUserNamesTheZone() throws IOException {
        JsonNode unknown = json("analyze", "-f", "json", CSV);
        assertTrue(unknown.at("/input/timeFrame/zone").isNull());
        assertTrue(unknown.at("/input/timeFrame/firstDay").isNull());
        JsonNode madrid = json("analyze", "-f", "json", "--time-zone", "Europe/Madrid", CSV);
        assertEquals("Europe/Madrid", madrid.at("/input/timeFrame/zone").asText());
        assertEquals(unknown.at("/input/firstEvent"), madrid.at("/input/firstEvent"));
        CliRun text = CliRun.of("analyze", CSV);
        assertEquals("Times: as exported, zone unknown, no date in the log", text.out().lines().toList().get(2),
                "after the verdict");
    }

    @Test
    void statsListsTheProcessTreeOfAnExport() throws IOException {
        JsonNode doc = json("stats", "-f", "json", "--processes", CSV);
        assertEquals(21, doc.get("processes").size());
        JsonNode python = process(doc, 4312);
        assertEquals("14:03:07.2488000", python.get("startedAt").asText(), "the shell's Process Create");
        assertEquals(2208, python.get("parentPid").asInt());
        assertTrue(process(doc, 2208).get("startedAt").isNull(), "the shell ran before the capture");
        assertEquals("14:03:08.0282398", python.get("exitedAt").asText());
        JsonNode cmd = process(doc, 5120);
        assertEquals(4312, cmd.get("parentPid").asInt());
        assertEquals(python.get("id"), cmd.get("parentId"));
        assertEquals("14:03:07.2874089", cmd.get("startedAt").asText());
        assertTrue(cmd.get("commandLine").asText().startsWith("cmd.exe /c cl.exe /nologo /c C:\\build\\gen\\parser_tab.cpp"));
        assertEquals(856, doc.at("/eventClasses/File System").asInt());
        assertEquals(308, doc.at("/eventClasses/Registry").asInt());
        assertEquals(273, doc.at("/eventClasses/Process").asInt());
        List<String> text = CliRun.of("stats", "--processes", CSV).out().lines().toList();
        int tree = text.indexOf("Process tree:");
        assertTrue(tree > 0, text.toString());
        assertTrue(text.contains("Times:        as exported, zone unknown, no date in the log"), text.toString());
        String cmdLine = text.stream().filter(l -> l.startsWith("     5120    4312")).findFirst().orElseThrow();
        assertTrue(cmdLine.startsWith("     5120    4312      cmd.exe          14:03:07.2874089            14:03:07.2995556"),
                cmdLine);
        String clLine = text.get(text.indexOf(cmdLine) + 1);
        assertTrue(clLine.startsWith("     5816    5120        cl.exe "), clLine);
        assertTrue(text.get(tree + 2).startsWith("     2208       ?  cmd.exe              before the capture"),
                text.get(tree + 2));
    }

    @Test
    void ciFormatsKeepTheExitCode() {
        CliRun github = CliRun.of("analyze", "-q", "-f", "GitHub", CSV);
        assertEquals(1, github.code(), github.err());
        assertTrue(github.out().startsWith("::error title=pmtriage%3A inherited handle%2C leaked (" + CSV + ")::"),
                github.out());
        CliRun junit = CliRun.of("analyze", "-q", "-f", "junit", "--fail-on", "none", CSV);
        assertEquals(0, junit.code(), junit.err());
        assertTrue(junit.out().contains("<testsuite name=\"" + CSV + "\" tests=\"3\" failures=\"3\" errors=\"0\">"),
                junit.out());
        CliRun markdown = CliRun.of("analyze", "-q", "-f", "markdown", CSV, "samples/redirect-ok.csv");
        assertTrue(markdown.out().startsWith("## pmtriage: `" + CSV + "` (csv)\n"), markdown.out());
        assertTrue(markdown.out().contains("## pmtriage: `samples/redirect-ok.csv` (csv)\n"), markdown.out());
    }

    @Test
    void statsTakesSeveralLogs() throws IOException {
        JsonNode docs = json("stats", "-f", "json", CSV, XML);
        assertEquals(2, docs.size());
        assertEquals(CSV, docs.get(0).at("/input/path").asText());
        assertEquals("xml", docs.get(1).at("/input/format").asText());
        assertTrue(docs.get(1).get("processes") == null);
        List<String> text = CliRun.of("stats", CSV, XML).out().lines().toList();
        assertEquals(CSV + " (csv)", text.get(0));
        assertTrue(text.contains(XML + " (xml)"), text.toString());
    }

    @Test
    void aPmlShowsItsMachineDatesAndZone() throws IOException {
        Assumptions.assumeTrue(Files.exists(PML), "shared samples absent");
        JsonNode doc = json("stats", "-f", "json", "--processes", PML.toString());
        assertEquals("DESKTOP-6PCIALL", doc.at("/host/computer").asText());
        assertEquals("Windows 10.0 build 18362", doc.at("/host/system").asText());
        assertEquals(2, doc.at("/host/cpus").asInt());
        assertEquals("UTC", doc.at("/input/timeFrame/zone").asText());
        assertEquals("2020-07-31", doc.at("/input/timeFrame/firstDay").asText());
        assertEquals("2020-07-31 07:37:18.2093997", doc.at("/input/firstEventDate").asText());
        // started before the capture, dated by the process table: on its first day, and days before it
        assertEquals("2020-07-31 07:21:26.6410850", process(doc, 7280).get("startedAt").asText());
        assertEquals("2020-07-27 17:45:11.8349925", process(doc, 4).get("startedAt").asText());
        JsonNode madrid = json("stats", "-f", "json", "--time-zone", "Europe/Madrid", PML.toString());
        assertEquals("Europe/Madrid", madrid.at("/input/timeFrame/zone").asText());
        assertEquals("2020-07-31 09:37:18.2093997", madrid.at("/input/firstEventDate").asText());
        List<String> text = CliRun.of("stats", PML.toString()).out().lines().toList();
        assertEquals("Computer:     DESKTOP-6PCIALL (Windows 10.0 build 18362, 2 CPUs)", text.get(1));
        assertEquals("Times:        UTC, first day 2020-07-31", text.get(2));
    }

    @Test
    void processesRunningBeforeAPmlCaptureHaveNoStart() throws IOException {
        Assumptions.assumeTrue(Files.exists(PML_MIXED), "shared samples absent");
        String report = CliRun.of("analyze", "-f", "json", "--findings", "all", PML_MIXED.toString()).out();
        assertTrue(report.contains("\"startedAt\" : null"), "a finding names a process older than the capture");
        assertTrue(!report.contains("\"+-"), "no time before the capture's first day");
    }
}
