package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 6: a PML event whose timestamp lies far outside the capture's (0, 2^63-1) is a
 * bad record: skipped and counted, or exit 3 under {@code --strict}. Rollover parts are joined only
 * when they belong to the capture (same computer, consecutive times), and each file is read once,
 * through links and from a folder that holds all the parts.
 */
class PmlSanityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void absurdTimestampsAreBadRecords() throws IOException {
        byte[] pml = PmlShapes.capture();
        byte[] bad = PmlShapes.withTimestamp(PmlShapes.withTimestamp(pml, 5, 0), 12, Long.MAX_VALUE);
        Path log = Files.write(dir.resolve("times.pml"), bad);
        Cli lenient = Cli.run("stats", "--format", "json", log.toString());
        assertEquals(0, lenient.code(), lenient.err());
        String first = lenient.err().lines().findFirst().orElseThrow();
        assertTrue(first.matches("pmtriage stats: warning: \\Q" + log + ":byte 0x" + Long.toHexString(PmlShapes.eventOffset(bad, 5))
                + "\\E: skipped: its timestamp \\(FILETIME 0\\) lies far outside the capture's time, \\S+Z to \\S+Z"), first);
        assertEquals(2, lenient.err().lines().count());
        assertEquals(PmlShapes.EVENTS - 2, JSON.readTree(lenient.out()).at("/input/events").asInt());
        assertEquals(2, JSON.readTree(lenient.out()).at("/input/skippedRecords").asInt());

        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertTrue(strict.error().matches("pmtriage analyze: \\Q" + log + "\\E:byte 0x[0-9a-f]+: its timestamp"
                + " \\(FILETIME 0\\) lies far outside the capture's time, \\S+Z to \\S+Z"), strict.err());
    }

    @Test
    void anAbsurdFirstEventDoesNotMoveTheTimeline() throws IOException {
        byte[] pml = PmlShapes.capture();
        Path good = Files.write(dir.resolve("good.pml"), pml);
        Path bad = Files.write(dir.resolve("first.pml"), PmlShapes.withTimestamp(pml, 0, 1));
        String goodStart = JSON.readTree(Cli.run("stats", "--format", "json", good.toString()).out()).at("/input/lastEvent").asText();
        Cli run = Cli.run("stats", "--format", "json", bad.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(goodStart, JSON.readTree(run.out()).at("/input/lastEvent").asText(), "the same timeline");
    }

    @Test
    void aPartThatIsALinkIsReadOnce() throws IOException {
        Path capture = Files.createDirectory(dir.resolve("capture"));
        Path log = Files.write(capture.resolve("Logfile.PML"), PmlShapes.capture());
        Files.createSymbolicLink(capture.resolve("Logfile-1.PML"), log.getFileName());
        Files.copy(log, capture.resolve("Logfile-2.PML"));
        Cli run = Cli.run("stats", "--format", "json", log.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("pmtriage stats: warning: " + log + ": reading 2 rollover files as one capture: Logfile.PML,"
                + " Logfile-2.PML", run.error());
        assertEquals(2 * PmlShapes.EVENTS, JSON.readTree(run.out()).at("/input/events").asInt());
    }

    @Test
    void aPartOfAnotherCaptureIsNotJoined() throws IOException {
        byte[] pml = PmlShapes.capture();
        byte[] otherHost = pml.clone();
        byte[] name = "OTHER-HOST\0\0\0\0\0\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, otherHost, 0x0C, 0x20);
        byte[] dayBefore = pml.clone();
        for (int i = 0; i < PmlShapes.EVENTS; i++) {
            dayBefore = PmlShapes.withTimestamp(dayBefore, i, PmlShapes.timestamp(pml, i) - 864_000_000_000L);
        }
        String[] why = {"it was captured on \"OTHER-HOST\", the capture on \"PMTRIAGE-TEST\"",
            "its first event \\(\\S+\\) does not follow the previous part's last \\(\\S+\\)"};
        byte[][] parts = {otherHost, dayBefore};
        for (int k = 0; k < parts.length; k++) {
            Path capture = Files.createDirectory(dir.resolve("capture" + k));
            Path log = Files.write(capture.resolve("Logfile.PML"), pml);
            Path part = Files.write(capture.resolve("Logfile-1.PML"), parts[k]);
            Cli run = Cli.run("stats", "--format", "json", log.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.error().matches("pmtriage stats: warning: \\Q" + log + ": " + part + "\\E is not read as a"
                    + " rollover part of this capture: " + (k == 0 ? java.util.regex.Pattern.quote(why[0]) : why[1])
                    + "; analyze it on its own"), run.err());
            assertEquals(PmlShapes.EVENTS, JSON.readTree(run.out()).at("/input/events").asInt());
        }
    }

    @Test
    void aFolderWithEveryPartAnalyzesThemAsOneCapture() throws IOException {
        Path capture = Files.createDirectory(dir.resolve("capture"));
        byte[] pml = PmlShapes.capture();
        Files.write(capture.resolve("Logfile.PML"), pml);
        Files.write(capture.resolve("Logfile-1.PML"), pml);
        Cli run = Cli.run("analyze", "--format", "jsonl", "--quiet", capture.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.out().lines().count(), "one report: " + run.out());
        assertEquals(2 * PmlShapes.EVENTS, JSON.readTree(run.out()).at("/input/events").asInt());
        Cli separately = Cli.run("analyze", "--format", "jsonl", "--quiet", "--no-rollover", capture.toString());
        assertEquals(2, separately.out().lines().count(), "--no-rollover: a report for each file");
    }
}
