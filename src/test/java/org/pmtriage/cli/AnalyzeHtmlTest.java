package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analyze --html}: the page beside the other output. */
class AnalyzeHtmlTest {

    private static final String CPP = "C:\\build\\gen\\parser_tab.cpp";

    @TempDir
    Path dir;
    private Path story;

    @BeforeEach
    void writeCapture() throws IOException {
        String header = "\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"";
        List<String> rows = List.of(
                "\"1:12:21.0000000 PM\",\"python.exe\",\"4312\",\"CreateFile\",\"" + CPP + "\",\"SUCCESS\","
                        + "\"Desired Access: Generic Write, Disposition: OverwriteIf, ShareMode: None, OpenResult: Created\"",
                "\"1:12:21.0189000 PM\",\"python.exe\",\"4312\",\"Process Create\",\"C:\\Windows\\System32\\cmd.exe\","
                        + "\"SUCCESS\",\"PID: 5120, Command line: cmd.exe /c cl.exe parser_tab.cpp\"",
                "\"1:12:21.0300000 PM\",\"cmd.exe\",\"5120\",\"Process Create\",\"C:\\bin\\cl.exe\",\"SUCCESS\","
                        + "\"PID: 6000, Command line: cl.exe parser_tab.cpp\"",
                "\"1:12:21.0400000 PM\",\"cl.exe\",\"6000\",\"CreateFile\",\"" + CPP + "\",\"SHARING VIOLATION\","
                        + "\"Desired Access: Generic Read, Disposition: Open, ShareMode: Read\"",
                "\"1:12:21.5000000 PM\",\"cmd.exe\",\"5120\",\"CloseFile\",\"" + CPP + "\",\"SUCCESS\",\"\"");
        story = Files.writeString(dir.resolve("story.csv"), header + "\r\n" + String.join("\r\n", rows) + "\r\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void pageIsWrittenBesideTheTextReport() throws IOException {
        Path page = dir.resolve("report.html");
        CliRun run = CliRun.of("analyze", "--html", page.toString(), story.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().contains("ERROR  pattern p1: inherited-handle leaked"), "text still goes to standard output");
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<h2 id=\"log-1-h\">" + story + "</h2>"), html);
        assertEquals(1, html.split("<article ", -1).length - 1, "one incident: the leak and the sharing violation it caused");
        assertTrue(html.contains("open \u2192 spawn 18.9 ms"), "the gap bracket says what it measures");
        assertTrue(html.contains("18.9 ms later it spawned cmd.exe (5120)"), html);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void detailsOptionIsCheckedAndApplied() throws IOException {
        Path page = dir.resolve("report.html");
        CliRun bad = CliRun.of("analyze", "--html", page.toString(), "--html-details", "-1", story.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--html-details must be 0 or more"), bad.err());
        assertFalse(Files.exists(page));
        CliRun one = CliRun.of("analyze", "--format", "json", "--html", page.toString(), "--html-details", "1",
                story.toString());
        assertEquals(1, one.code(), one.err());
        assertTrue(one.out().startsWith("{"), "JSON still goes to standard output");
        assertEquals(1, Files.readString(page).split("<article ", -1).length - 1);
    }

    @Test
    void unreadLogsAreNamedAndNoLogReadLeavesThePageAlone() throws IOException {
        Path page = dir.resolve("report.html");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "hello\n");
        CliRun run = CliRun.of("analyze", "--html", page.toString(), broken.toString(), story.toString());
        assertEquals(3, run.code());
        String html = Files.readString(page);
        assertTrue(html.contains("Not read: " + broken + ":1: not a ProcMon CSV export"), html);
        assertTrue(html.contains("<section class=\"log\" id=\"log-1\""), html);
        Files.writeString(page, "earlier");
        assertEquals(3, CliRun.of("analyze", "--html", page.toString(), broken.toString()).code());
        assertEquals("earlier", Files.readString(page));
    }
}
