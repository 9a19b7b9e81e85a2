package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPP = "C:\\build\\gen\\parser_tab.cpp";

    @TempDir
    Path dir;
    private Path story;
    private Path clean;

    @BeforeEach
    void writeCaptures() throws IOException {
        story = csv("story.csv", List.of(
                row("1:12:21.0000000 PM", "python.exe", 4312, "CreateFile", CPP, "SUCCESS",
                        "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, Options: , Attributes: N, "
                                + "ShareMode: None, AllocationSize: 0, OpenResult: Created"),
                row("1:12:21.0189000 PM", "python.exe", 4312, "Process Create", "C:\\Windows\\System32\\cmd.exe",
                        "SUCCESS", "PID: 5120, Command line: cmd.exe /c cl.exe parser_tab.cpp"),
                row("1:12:21.0190000 PM", "cmd.exe", 5120, "Process Start", "", "SUCCESS", "Parent PID: 4312"),
                row("1:12:21.0300000 PM", "cmd.exe", 5120, "Process Create", "C:\\bin\\cl.exe", "SUCCESS",
                        "PID: 6000, Command line: cl.exe parser_tab.cpp"),
                row("1:12:21.0400000 PM", "cl.exe", 6000, "CreateFile", CPP, "SHARING VIOLATION",
                        "Desired Access: Generic Read, Disposition: Open, ShareMode: Read"),
                row("1:12:21.5000000 PM", "cmd.exe", 5120, "CloseFile", CPP, "SUCCESS", "")));
        clean = csv("clean.csv", List.of(
                row("1:12:21.0000000 PM", "python.exe", 4312, "CreateFile", CPP, "SUCCESS",
                        "Desired Access: Generic Write, ShareMode: Read, OpenResult: Created"),
                row("1:12:21.0100000 PM", "python.exe", 4312, "CloseFile", CPP, "SUCCESS", "")));
    }

    @Test
    void errorFindingsExitOneAndTellTheStory() {
        CliRun run = CliRun.of("analyze", story.toString());
        assertEquals(1, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals("Verdict: 1 leak of one pattern, no refused process failed", lines[1], run.out());
        assertTrue(run.out().contains("ERROR  pattern p1: inherited-handle leaked: python.exe -> cmd.exe, gen\\*.cpp"), run.out());
        assertTrue(run.out().contains("  i1  ERROR  python.exe (4312) leaked " + CPP + " into cmd.exe (5120) 18.9 ms after"
                + " opening it; cl.exe (6000) was then refused it with SHARING VIOLATION"), run.out());
        assertTrue(run.out().contains("python.exe (4312) spawned cmd.exe (5120), 18.9 ms after the open, which inherited the handle"), run.out());
        assertTrue(run.out().contains("cl.exe (6000) was refused the file [Generic Read; share: Read]: SHARING VIOLATION"), run.out());
        assertTrue(run.out().contains("cmd.exe (5120) closed it (CloseFile), 500.0 ms after the open; python.exe never closed it"),
                run.out());
        assertTrue(run.out().contains("Findings: f1 inherited-handle leaked, f2 spawn-race confirmed,"
                + " f3 sharing-violation explained"), run.out());
        assertEquals("Result: 1 error incident; 1 incident in 1 pattern from 3 findings", lines[lines.length - 1]);
        assertEquals("", run.err());
    }

    @Test
    void jsonCarriesTheDocumentedNames() throws IOException {
        CliRun run = CliRun.of("analyze", "--format", "json", story.toString());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(3, doc.get("schemaVersion").asInt());
        assertEquals("error", doc.get("status").asText());
        assertEquals("C:\\build", doc.at("/input/buildRoot").asText(), "the parent of the one folder written");
        assertEquals("i1", doc.at("/incidents/0/id").asText());
        assertEquals("p1", doc.at("/incidents/0/pattern").asText());
        assertEquals("[\"f1\",\"f2\",\"f3\"]", doc.at("/incidents/0/findings").toString());
        assertEquals("gen\\*.cpp", doc.at("/patterns/0/key/pathShape").asText());
        assertEquals("[\"cmd.exe\"]", doc.at("/patterns/0/key/carriers").toString());
        assertEquals(1, doc.at("/patterns/0/incidents").asInt());
        assertEquals("csv", doc.at("/input/format").asText());
        assertEquals(6, doc.at("/input/events").asInt());
        assertEquals(1, doc.at("/summary/inherited-handle").asInt());
        assertEquals(1, doc.at("/summary/sharing-violation").asInt());
        JsonNode leak = first(doc, "inherited-handle");
        assertEquals("f1", leak.get("id").asText());
        assertEquals("i1", leak.get("incident").asText());
        assertEquals("leaked", leak.get("verdict").asText());
        assertEquals("error", leak.get("severity").asText());
        assertEquals(4312, leak.at("/opener/pid").asInt());
        assertEquals("cmd.exe", leak.at("/closer/name").asText());
        assertEquals("13:12:21.0000000", leak.get("openedAt").asText());
        assertEquals("13:12:21.5000000", leak.get("closedAt").asText());
        assertEquals(18.9, leak.get("spawnGapMs").asDouble());
        assertEquals("cmd.exe", leak.at("/chain/0/child/name").asText());
        JsonNode race = first(doc, "spawn-race");
        assertTrue(race.get("confirmed").asBoolean());
        assertEquals(18.9, race.get("gapMs").asDouble());
        JsonNode violation = first(doc, "sharing-violation");
        assertTrue(violation.get("explained").asBoolean());
        assertEquals("cl.exe", violation.at("/victim/name").asText());
        assertEquals("python.exe", violation.at("/holders/0/opener/name").asText());
        assertEquals("cmd.exe", violation.at("/holders/0/inheritedBy/0/child/name").asText());
    }

    @Test
    void failOnChoosesWhatCounts() {
        assertEquals(0, CliRun.of("analyze", "--fail-on", "none", story.toString()).code());
        assertEquals(1, CliRun.of("analyze", "--fail-on", "spawn-race", story.toString()).code());
        assertEquals(0, CliRun.of("analyze", clean.toString()).code());
        CliRun bad = CliRun.of("analyze", "--fail-on", "bogus", clean.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--fail-on: 'bogus' is none of"), bad.err());
    }

    @Test
    void severalLogsGiveALineEachAndTheWorstExitCode() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.csv"), "hello\n");
        CliRun run = CliRun.of("analyze", "--format", "jsonl", "--jobs", "2", clean.toString(), broken.toString(),
                story.toString());
        assertEquals(3, run.code());
        String[] lines = run.out().split("\n");
        assertEquals(3, lines.length);
        assertEquals(0, JSON.readTree(lines[0]).at("/summary/inherited-handle").asInt());
        assertTrue(JSON.readTree(lines[1]).get("error").asText().startsWith(broken + ":1: not a ProcMon CSV export"));
        assertEquals(1, JSON.readTree(lines[2]).at("/summary/inherited-handle").asInt());
        assertTrue(run.err().startsWith("pmtriage analyze: " + broken + ":1: not a ProcMon CSV export"), run.err());
    }

    @Test
    void folderArgumentTakesEveryLogInIt() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a log");
        CliRun run = CliRun.of("analyze", "--format", "json", dir.toString());
        JsonNode docs = JSON.readTree(run.out()).get("logs");
        assertEquals(2, docs.size());
        assertEquals(clean.toString(), docs.get(0).at("/input/path").asText());
        assertEquals(story.toString(), docs.get(1).at("/input/path").asText());
    }

    @Test
    void outputIsReplacedOnlyBySuccess() throws IOException {
        Path out = dir.resolve("report.json");
        Files.writeString(out, "earlier");
        CliRun failed = CliRun.of("analyze", "--output", out.toString(), "--window", "abc", story.toString());
        assertEquals(2, failed.code());
        assertEquals("earlier", Files.readString(out));
        CliRun unreadable = CliRun.of("analyze", "--output", out.toString(), dir.resolve("missing.csv").toString());
        assertEquals(3, unreadable.code());
        assertEquals("earlier", Files.readString(out));
        CliRun ok = CliRun.of("analyze", "--format", "json", "--output", out.toString(), story.toString());
        assertEquals(1, ok.code());
        assertEquals("", ok.out());
        assertEquals(6, JSON.readTree(out.toFile()).at("/input/events").asInt());
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void unreadableInputIsOneLineAndExitThree() {
        CliRun run = CliRun.of("analyze", dir.resolve("missing.csv").toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + dir.resolve("missing.csv") + ": no such file\n", run.err());
    }

    @Test
    void strictStopsAtTheFirstBadRecord() throws IOException {
        Path bad = csv("bad.csv", List.of(row("1:12:21.0000000 PM", "python.exe", 4312, "ReadFile", CPP, "SUCCESS", ""),
                "\"1:12:22.0 PM\",\"python.exe\",\"x\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"\""));
        CliRun lenient = CliRun.of("analyze", "--format", "json", bad.toString());
        assertEquals(0, lenient.code());
        assertTrue(lenient.err().contains("bad.csv:3: skipped: PID \"x\" is not a number"), lenient.err());
        CliRun strict = CliRun.of("analyze", "--strict", bad.toString());
        assertEquals(3, strict.code());
        assertEquals("pmtriage analyze: " + bad + ":3: PID \"x\" is not a number\n", strict.err());
    }

    @Test
    void statsCountsOperations() throws IOException {
        CliRun run = CliRun.of("stats", "--format", "json", story.toString());
        assertEquals(0, run.code());
        JsonNode doc = JSON.readTree(run.out());
        assertEquals(6, doc.at("/input/events").asInt());
        assertEquals(2, doc.at("/operations/Process Create").asInt());
        assertEquals(1, doc.at("/operations/CloseFile").asInt());
        assertEquals(3, doc.at("/input/processes").asInt());
        assertTrue(CliRun.of("stats", story.toString()).out().contains("Process Create"));
    }

    @Test
    void versionAndHelpEverywhere() {
        assertTrue(CliRun.of("--version").out().startsWith("pmtriage "));
        assertTrue(CliRun.of("analyze", "--help").out().contains("--fail-on"));
        assertTrue(CliRun.of("stats", "--version").out().startsWith("pmtriage "));
        assertEquals(2, CliRun.of().code());
    }

    private static JsonNode first(JsonNode doc, String kind) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no " + kind);
    }

    private Path csv(String name, List<String> rows) throws IOException {
        String header = "\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"";
        return Files.writeString(dir.resolve(name), "\uFEFF" + header + "\r\n" + String.join("\r\n", rows) + "\r\n",
                StandardCharsets.UTF_8);
    }

    private static String row(String time, String process, int pid, String op, String path, String result, String detail) {
        return String.join(",", List.of(time, process, Integer.toString(pid), op, path, result, detail).stream()
                .map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
    }
}
