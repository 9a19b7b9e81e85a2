package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 5: members after members are one log; anything else after the last member is a
 * warning with its offset (lenient) or exit 3 ({@code --strict}), never dropped in silence.
 */
class GzipCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void membersAfterMembersAreOneLog() throws IOException {
        byte[] first = Hostile.gzip(Csv.of(Csv.OPEN).toBytes());
        byte[] second = Hostile.gzip((Csv.CLOSE + "\r\n").getBytes(StandardCharsets.UTF_8));
        Path log = Files.write(dir.resolve("two.csv.gz"), concat(first, second));
        Cli run = Cli.run("analyze", "--strict", "--format", "json", log.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(2, JSON.readTree(run.out()).at("/input/events").asInt());
    }

    @Test
    void textAfterTheLastMember() throws IOException {
        byte[] gz = Hostile.gzip(Csv.of(Csv.OPEN, Csv.CLOSE).toBytes());
        for (String tail : new String[] {"appended by a script\n", "\0\0\0\0", "\u001f"}) {
            Path log = Files.write(dir.resolve("tail.csv.gz"), concat(gz, tail.getBytes(StandardCharsets.UTF_8)));
            Cli lenient = Cli.run("analyze", "--format", "json", log.toString());
            assertEquals(0, lenient.code(), lenient.err());
            assertEquals("pmtriage analyze: warning: " + log + ":byte " + gz.length + ": data after the last gzip member"
                    + " is not gzip data; it is ignored, the report covers the events before it", lenient.error());
            assertEquals(2, JSON.readTree(lenient.out()).at("/input/events").asInt());

            Cli strict = Cli.run("analyze", "--strict", log.toString());
            assertEquals(3, strict.code());
            assertEquals("pmtriage analyze: " + log + ":byte " + gz.length
                    + ": data after the last gzip member is not gzip data", strict.error());
        }
    }

    @Test
    void damagedSecondMember() throws IOException {
        byte[] first = Hostile.gzip(Csv.of(Csv.OPEN).toBytes());
        byte[] second = Hostile.gzip((Csv.CLOSE + "\r\n").getBytes(StandardCharsets.UTF_8));
        second[2] = 7; // compression method
        Path log = Files.write(dir.resolve("bad.csv.gz"), concat(first, second));
        Cli strict = Cli.run("analyze", "--strict", log.toString());
        assertEquals(3, strict.code());
        assertEquals("pmtriage analyze: " + log + ":byte " + (first.length + 3)
                + ": the .gz file is corrupt (compression method 7, not deflate)", strict.error());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
