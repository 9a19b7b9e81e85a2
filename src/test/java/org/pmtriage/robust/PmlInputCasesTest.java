package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;
import org.pmtriage.read.pml.PmlWriter;

/**
 * Issue 7, PML cases, through the command line: a PML cut, damaged or of another version gives
 * exit 3 and one line with the byte offset; damage inside events is skipped (lenient) or stops
 * ({@code --strict}); never a stack trace.
 */
@ResourceLock("java.lang.System.in") // replaces standard input to read from it
class PmlInputCasesTest {

    private static final int HEADER = 0x3A8;

    @TempDir
    Path dir;
    private byte[] pml;

    @BeforeEach
    void writeCapture() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t = (9 * 3600_000L + i) * Timeline.TICKS_PER_MILLI;
            String path = "C:\\build\\f" + i + ".obj";
            events.add(Event.basic(events.size() + 1, t, "cl.exe", 4100, "CreateFile", path, "SUCCESS",
                    "Desired Access: Generic Write, Disposition: OverwriteIf, ShareMode: None, OpenResult: Created"));
            events.add(Event.basic(events.size() + 1, t + 10, "cl.exe", 4100, "CloseFile", path, "SUCCESS", ""));
        }
        Path file = dir.resolve("made.pml");
        PmlWriter.write(file, List.of(), events, 20_000);
        pml = Files.readAllBytes(file);
        Files.delete(file);
    }

    @Test
    void onlyAHeader() throws IOException {
        Path log = write("header.pml", Arrays.copyOf(pml, HEADER));
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":byte 0x3a0: the hosts table (at 0x" + hex(le().getLong(0x3A0))
                + ") lies beyond the end of file (at 0x3a8): corrupt or truncated PML", run.error());
    }

    @Test
    void unknownVersion() throws IOException {
        byte[] b = pml.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 10);
        Path log = write("v10.pml", b);
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertTrue(run.error().startsWith("pmtriage analyze: " + log + ":byte 0x4: PML format version 10 "), run.err());
        assertEquals(1, run.error().lines().count());
    }

    @Test
    void offsetPastTheEnd() throws IOException {
        byte[] b = pml.clone();
        long past = b.length + 4096L;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(0x3A0, past);
        Path log = write("offset.pml", b);
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":byte 0x3a0: the hosts table (at 0x" + hex(past)
                + ") lies beyond the end of file (at 0x" + hex(b.length) + "): corrupt or truncated PML", run.error());
    }

    @Test
    void truncatedBody() throws IOException {
        Path log = write("cut.pml", Arrays.copyOf(pml, pml.length / 2));
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertTrue(run.error().matches("pmtriage analyze: \\Q" + log + "\\E:byte 0x[0-9a-f]+: .*corrupt or truncated PML"),
                run.err());
    }

    @Test
    void randomBytesFlippedInARealFile() throws IOException {
        byte[] real = Files.readAllBytes(SharedSamples.require("jereksel-cloudmirror/Logfile.PML"));
        Random random = new Random(7);
        for (int round = 0; round < 12; round++) {
            byte[] b = real.clone();
            for (int i = 0; i < 64; i++) {
                b[HEADER + random.nextInt(b.length - HEADER)] ^= (byte) (1 + random.nextInt(255));
            }
            if (round % 4 == 0) {
                b[random.nextInt(HEADER)] ^= (byte) (1 + random.nextInt(255));
            }
            Path log = write("flipped.pml", b);
            for (String policy : List.of("--fail-on=none", "--strict")) {
                Cli run = Cli.run("analyze", policy, "--format", "json", log.toString());
                assertTrue(Set.of(0, 1, 3).contains(run.code()), run.err());
                run.err().lines().forEach(line -> assertTrue(line.startsWith("pmtriage analyze: "), line));
                if (run.code() != 3) {
                    assertTrue(new ObjectMapper().readTree(run.out()).at("/input/events").asInt() > 0);
                }
            }
        }
    }

    @Test
    void standardInput() throws IOException {
        Cli run = Cli.withStdin(pml, "analyze", "--format", "json", "-");
        assertEquals(0, run.code(), run.err());
        assertEquals("pml", new ObjectMapper().readTree(run.out()).at("/input/format").asText());
        assertEquals(400, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
    }

    private ByteBuffer le() {
        return ByteBuffer.wrap(pml).order(ByteOrder.LITTLE_ENDIAN);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String hex(long v) {
        return Long.toHexString(v);
    }
}
