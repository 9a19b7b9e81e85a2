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
 * bad record: skipped and counted, or exit 3 under {@code --strict}.
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
}
