package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An --output that cannot be written is said at once, before the pass, in one line, exit 3; one
 * that would destroy an input or the other output is refused, exit 2; links are written through,
 * a FIFO in place; temporary files are never left behind (issue 15, item 3).
 */
class OutputCasesTest {

    @TempDir
    Path dir;

    @Test
    void outputInAMissingFolder() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path output = dir.resolve("nowhere").resolve("report.txt");
        Cli run = Cli.run("analyze", "--output", output.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: cannot write: " + output + ": folder " + output.getParent() + " does not exist",
                run.error());
    }

    @Test
    void outputThatIsAFolderIsLeftAlone() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path output = Files.createDirectory(dir.resolve("reports"));
        Cli run = Cli.run("analyze", "--output", output.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: cannot write: " + output + ": is a folder, not a file", run.error());
        assertTrue(Files.isDirectory(output));
    }

    @Test
    void unreadableLogLeavesTheEarlierOutput() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), new byte[0]);
        Path output = Files.writeString(dir.resolve("report.txt"), "earlier");
        Cli run = Cli.run("analyze", "--output", output.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("earlier", Files.readString(output));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }

    @Test
    void outputThroughASymlinkWritesTheFileItPointsAt() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path reports = Files.createDirectory(dir.resolve("reports"));
        Path real = Files.writeString(reports.resolve("report.txt"), "earlier");
        Path link = Files.createSymbolicLink(dir.resolve("latest.txt"), Path.of("reports", "report.txt"));
        Path dangling = Files.createSymbolicLink(dir.resolve("next.html"), Path.of("reports", "next.html"));
        Cli run = Cli.run("analyze", "--output", link.toString(), "--html", dangling.toString(), log.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertTrue(Files.readString(real).contains("a.csv"), "the report went where the link points");
        assertTrue(Files.isSymbolicLink(dangling));
        assertTrue(Files.readString(reports.resolve("next.html")).contains("<html"), "a dangling link's file is made");
        assertEquals(List.of(), temporaryFiles(dir));
        assertEquals(List.of(), temporaryFiles(reports));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void fifoIsWrittenInPlace() throws Exception {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path fifo = dir.resolve("report.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor(), "mkfifo");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "failed: " + e;
            }
        });
        Cli run = Cli.run("analyze", "--output", fifo.toString(), log.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(reader.get(1, TimeUnit.MINUTES).contains("a.csv"), "the report came through the FIFO");
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo) && !Files.isDirectory(fifo), "still a FIFO");
        assertEquals(List.of(), temporaryFiles(dir));
    }

    @Test
    void outputThatIsAnInputIsRefused() throws IOException {
        byte[] csv = Csv.of(Csv.OPEN).toBytes();
        Path log = Files.write(dir.resolve("a.csv"), csv);
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), log.getFileName());
        Path hard = Files.createLink(dir.resolve("hard.csv"), log);
        for (Path out : List.of(log, link, hard)) {
            Cli run = Cli.run("analyze", "--output", out.toString(), log.toString());
            assertEquals(2, run.code(), run.err());
            assertEquals("pmtriage analyze: " + out + " is the input log " + log + ": writing to it would destroy the log",
                    run.error().lines().findFirst().orElseThrow());
            Cli page = Cli.run("analyze", "--html", out.toString(), dir.toString());
            assertEquals(2, page.code(), page.err());
            Cli convert = Cli.run("convert", "--to", "jsonl", "--output", out.toString(), log.toString());
            assertEquals(2, convert.code(), convert.err());
        }
        assertArrayEquals(csv, Files.readAllBytes(log), "the log is untouched");
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void oneFileForBothOutputsIsRefused() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path out = dir.resolve("report.txt");
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), out.getFileName());
        Cli run = Cli.run("analyze", "--output", out.toString(), "--html", link.toString(), log.toString());
        assertEquals(2, run.code(), run.err());
        assertEquals("pmtriage analyze: --output and --html name one file (" + link + "): one report would replace the other",
                run.error().lines().findFirst().orElseThrow());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aLaterRunDeletesTheTemporaryFileOfAKilledOne() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        assertEquals(0, ended.waitFor());
        Path stale = Files.writeString(dir.resolve(".report.txt.pmtriage-" + ended.pid() + "-1f2e.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".report.txt.pmtriage-" + ProcessHandle.current().pid() + "-1f2e.tmp"),
                "a run still writing");
        Path other = Files.writeString(dir.resolve(".other.txt.pmtriage-" + ended.pid() + "-1f2e.tmp"), "not ours");
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Cli run = Cli.run("analyze", "--output", dir.resolve("report.txt").toString(), log.toString());
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.exists(stale), "the killed run's temporary file is gone");
        assertTrue(Files.exists(live), "a live run's temporary file stays");
        assertTrue(Files.exists(other), "another output's temporary file stays");
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }
}
