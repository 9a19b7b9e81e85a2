package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.api.LogFiles;
import org.pmtriage.capture.StandInProcMon;

/** A batch of logs ends with the truth about all of them. */
class BatchEndingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"";
    private static final String CPP = "C:\\build\\gen\\parser_tab.cpp";

    @TempDir
    Path dir;

    @Test
    void folderIsReadWithItsSubFoldersAndARolloverSetOnce() throws IOException {
        Path night = Files.createDirectories(dir.resolve("night/host1"));
        StandInProcMon.create(night, true);
        for (String name : List.of("a.csv", "night/b.xml.gz", "night/host1/Other-3.PML", "night/host1/notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }
        List<String> warnings = new ArrayList<>();
        assertEquals(List.of(dir.resolve("a.csv").toString(), dir.resolve("night/b.xml.gz").toString(),
                night.resolve("Other-3.PML").toString(), night.resolve("capture.PML").toString()),
                LogFiles.expand(List.of(dir.toString()), true, warnings::add));
        assertEquals(List.of(night.resolve("capture-1.PML") + ": read once, as a rollover file of "
                + night.resolve("capture.PML")), warnings);
        assertEquals(5, LogFiles.expand(List.of(dir.toString()), false, w -> { }).size(), "--no-rollover: each file a log");
    }

    @Test
    void totalExitCodeAndStatusCoverEveryLog() throws IOException {
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs.resolve("sub"));
        csv(logs.resolve("clean.csv"), row("1:12:21.0000000 PM", "python.exe", 4312, "CreateFile", CPP, "SUCCESS",
                "Desired Access: Generic Write, ShareMode: Read, OpenResult: Created"),
                row("1:12:21.0100000 PM", "python.exe", 4312, "CloseFile", CPP, "SUCCESS", ""));
        csv(logs.resolve("sub/story.csv"), row("1:12:21.0000000 PM", "python.exe", 4312, "CreateFile", CPP, "SUCCESS",
                "Desired Access: Generic Write, ShareMode: None, OpenResult: Created"),
                row("1:12:21.0189000 PM", "python.exe", 4312, "Process Create", "C:\\Windows\\System32\\cmd.exe", "SUCCESS",
                        "PID: 5120, Command line: cmd.exe /c cl.exe parser_tab.cpp"),
                row("1:12:21.5000000 PM", "cmd.exe", 5120, "CloseFile", CPP, "SUCCESS", ""));
        Files.writeString(logs.resolve("broken.csv"), "hello\n");

        CliRun text = CliRun.of("analyze", logs.toString());
        assertEquals(ExitCode.UNREADABLE, text.code(), "an unreadable log outranks error findings");
        assertTrue(text.err().contains("broken.csv:1: not a ProcMon CSV export"), text.err());
        assertTrue(text.out().contains("pmtriage: " + logs.resolve("sub/story.csv") + " (csv)\nVerdict: 1 leak of one pattern"),
                text.out());
        assertTrue(text.out().contains("\nTotal: 3 logs (1 clean, 1 error, 1 unreadable)\n"), text.out());
        assertTrue(text.out().contains("  error   inherited-handle leaked: python.exe -> cmd.exe, gen\\*.cpp\n"
                + "          in 1 of 3 logs; processes failed in 0 of 1 failing logs; 1 incident, 0 failed processes\n"),
                text.out());

        JsonNode batch = JSON.readTree(CliRun.of("analyze", "--format", "json", logs.toString()).out());
        assertEquals(3, batch.get("schemaVersion").asInt());
        assertEquals(List.of("unreadable", "clean", "error"), batch.get("logs").findValuesAsText("status"));
        assertEquals(1, batch.at("/total/byStatus/error").asInt());
        assertEquals(1, batch.at("/total/byStatus/unreadable").asInt());
        assertEquals(1, batch.at("/patterns/0/logCount").asInt());

        Path page = dir.resolve("night.html");
        CliRun html = CliRun.of("analyze", "--html", page.toString(), logs.toString());
        assertEquals(ExitCode.UNREADABLE, html.code());
        String across = Files.readString(page);
        across = across.substring(across.indexOf("<section class=\"across\""), across.indexOf("<section class=\"log\""));
        assertTrue(across.contains("<li><a href=\"#log-2\">" + logs.resolve("sub/story.csv") + "</a></li>"), across);
        assertTrue(across.contains("1 clean. 1 error. 1 unreadable."), across);

        String[] lines = CliRun.of("analyze", "--format", "jsonl", logs.toString()).out().split("\n");
        assertEquals(3, lines.length, "one line per log, no more");
        JsonNode line = JSON.readTree(lines[2]);
        assertEquals("error", line.get("status").asText());
        assertTrue(line.has("patterns") && line.has("incidents") && !line.has("findings"), lines[2]);
    }

    private static void csv(Path file, String... rows) throws IOException {
        Files.writeString(file, HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n");
    }

    private static String row(String time, String process, int pid, String op, String path, String result, String detail) {
        return String.join(",", List.of(time, process, Integer.toString(pid), op, path, result, detail).stream()
                .map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
    }
}
