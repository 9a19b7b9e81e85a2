package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;
import org.pmtriage.read.pml.PmlWriter;

/**
 * Issue 15, item 4: a PML read from standard input or a {@code .pml.gz} is copied to a temporary
 * file only after its header is checked, at most {@code --max-copy} bytes, and the copy is gone
 * however the run ends (deleted as soon as it is open). Each run has a temporary folder of its own
 * that must be empty afterwards.
 */
class PmlCopyCasesTest {

    private static final int EVENTS = 300;

    @TempDir
    Path dir;
    private Path tmp;
    private byte[] pml;

    @BeforeEach
    void writeCapture() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            long t = (9 * 3600_000L + i) * Timeline.TICKS_PER_MILLI;
            events.add(Event.basic(i + 1, t, "cl.exe", 4100, "CreateFile", "C:\\build\\f" + i + ".obj", "SUCCESS",
                    "Desired Access: Generic Write, Disposition: OverwriteIf, ShareMode: None, OpenResult: Created"));
        }
        Path file = dir.resolve("made.pml");
        PmlWriter.write(file, List.of(), events, 20_000);
        pml = Files.readAllBytes(file);
        Files.delete(file);
    }

    @Test
    void compressedAndStandardInputAreReadAndLeaveNothing() throws Exception {
        Path gz = Files.write(dir.resolve("made.pml.gz"), Hostile.gzip(pml));
        Path plain = Files.write(dir.resolve("stdin.bin"), pml);
        ChildCli fromGzip = ChildCli.run("128m", tmp, null, "stats", "--format", "json", "--max-copy", "1m", gz.toString());
        ChildCli fromStdin = ChildCli.run("128m", tmp, plain, "stats", "--format", "json", "-");
        for (ChildCli run : List.of(fromGzip, fromStdin)) {
            assertEquals(0, run.code(), run.err());
            assertEquals(EVENTS, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
        }
        ChildCli.assertEmpty(tmp);
    }

    @Test
    void aBadHeaderIsRefusedBeforeAnythingIsCopied() throws Exception {
        Path stdin = Hostile.gzipFile(dir.resolve("zeros.pml.gz"), out -> {
            Hostile.text(out, "PML_");
            out.write(new byte[4 << 20]);
        });
        ChildCli run = ChildCli.run("128m", tmp, null, "analyze", stdin.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + stdin + ":byte 0x4: PML format version 0 is not supported (only version 9,"
                + " written by ProcMon 3.40 and later); open it in a current ProcMon and save it again", run.error());
        ChildCli.assertEmpty(tmp);
    }

    @Test
    void aHeaderThatClaimsMoreThanTheCapIsRefusedAtOnce() throws Exception {
        byte[] claims = pml.clone();
        long hosts = 5L << 30;
        ByteBuffer b = ByteBuffer.wrap(claims).order(ByteOrder.LITTLE_ENDIAN);
        for (int field : new int[] {0x250, 0x258, 0x260, 0x3A0}) {
            b.putLong(field, hosts);
        }
        Path log = Files.write(dir.resolve("claims.pml.gz"), Hostile.gzip(claims));
        ChildCli run = ChildCli.run("128m", tmp, null, "analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":byte 0x3a0: the PML is larger than the 4096 MiB a temporary copy may"
                + " take (its hosts table is at 0x140000000); decompress it to a file, or raise --max-copy", run.error());
        ChildCli.assertEmpty(tmp);
    }

    @Test
    void aCopyThatGoesOnPastTheCapStops() throws Exception {
        Path log = Hostile.gzipFile(dir.resolve("long.pml.gz"), out -> {
            out.write(pml);
            out.write(new byte[2 << 20]);
        });
        ChildCli run = ChildCli.run("128m", tmp, null, "analyze", "--max-copy", "1m", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":byte 0x100000: the PML is larger than the 1 MiB a temporary copy may"
                + " take (it goes on past that); decompress it to a file, or raise --max-copy", run.error());
        ChildCli.assertEmpty(tmp);
    }
}
