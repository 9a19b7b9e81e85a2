package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page from a hostile log: names and paths are text, never markup; an unwritable page is said first. */
class HtmlOutputTest {

    @TempDir
    Path dir;

    @Test
    void markupInNamesAndPathsIsEscaped() throws IOException {
        String path = "C:\\build\\<script>alert(1)</script>.cpp";
        String process = "\"><img src=x onerror=alert(2)>.exe";
        Path log = Files.write(dir.resolve("x.csv"), Csv.of(
                Csv.row("1:12:21.0000000 PM", process, "4312", "CreateFile", path, "SUCCESS",
                        "Desired Access: Generic Write, ShareMode: None, OpenResult: Created"),
                Csv.row("1:12:21.0100000 PM", process, "4312", "Process Create", "C:\\cmd.exe", "SUCCESS",
                        "PID: 5120, Command line: cmd.exe </textarea><script>alert(3)</script>"),
                Csv.row("1:12:21.0200000 PM", "cmd.exe", "5120", "Process Start", "", "SUCCESS", "Parent PID: 4312"),
                Csv.row("1:12:21.5000000 PM", "cmd.exe", "5120", "CloseFile", path, "SUCCESS", "")).toBytes());
        Path page = dir.resolve("report.html");
        Cli run = Cli.run("analyze", "--html", page.toString(), log.toString());
        assertEquals(1, run.code(), run.err());
        String html = Files.readString(page);
        assertTrue(html.contains("alert(1)"), "the path is on the page");
        assertFalse(html.contains("<script>alert(1)"), "the path is not markup");
        assertFalse(html.contains("<img src=x"), "the process name is not markup");
        assertFalse(html.contains("<script>alert(3)"), "the command line is not markup");
    }

    @Test
    void pageInAMissingFolderIsSaidBeforeThePass() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path page = dir.resolve("nowhere").resolve("report.html");
        Cli run = Cli.run("analyze", "--html", page.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: cannot write: " + page + ": folder " + page.getParent() + " does not exist",
                run.error());
        assertEquals("", run.out(), "no report when a requested output cannot be written");
    }
}
