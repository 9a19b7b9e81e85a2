package org.pmtriage.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.read.open.LogReaders;

/** The parts of a LogFormatException's message are there as data too, as each reader gives them. */
class LogFormatExceptionTest {

    private static final String CSV = "\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n"
            + "\"1:00:00.0000000 PM\",\"a.exe\",\"1\",\"CreateFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n"
            + "\"xx\",\"a.exe\",\"1\",\"CreateFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n";

    @TempDir
    Path dir;

    @Test
    void csvNamesTheLine() throws IOException {
        LogFormatException e = refused("bad.csv", CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(e.source() + ":3: Time of Day \"xx\" is not a time", e.getMessage());
        assertParts(e, "3", OptionalLong.of(3), OptionalLong.empty(), OptionalLong.empty());
        assertEquals("Time of Day \"xx\" is not a time", e.reason());
    }

    @Test
    void xmlNamesLineAndColumn() throws IOException {
        LogFormatException e = refused("bad.xml", "<?xml version=\"1.0\"?>\n<procmon><eventlist>\n<event><PID>1</event></procmon>"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(e.source() + ":3:20: malformed XML: Unexpected end tag: expected </PID>", e.getMessage());
        assertParts(e, "3:20", OptionalLong.of(3), OptionalLong.of(20), OptionalLong.empty());
        assertEquals("malformed XML: Unexpected end tag: expected </PID>", e.reason());
    }

    @Test
    void pmlNamesTheByteInHex() throws IOException {
        byte[] header = {'P', 'M', 'L', '_', 7, 0, 0, 0, 1, 0, 0, 0};
        LogFormatException e = refused("old.pml", header);
        assertParts(e, "byte 0x4", OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(4));
        assertEquals(e.source() + ":byte 0x4: " + e.reason(), e.getMessage());
    }

    @Test
    void gzipNamesTheByteInDecimal() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(CSV.getBytes(StandardCharsets.UTF_8));
        }
        LogFormatException e = refused("cut.csv.gz", Arrays.copyOf(gz.toByteArray(), 30));
        assertEquals(e.source() + ":byte 30: the .gz file is truncated: its compressed data ends early", e.getMessage());
        assertParts(e, "byte 30", OptionalLong.empty(), OptionalLong.empty(), OptionalLong.of(30));
    }

    @Test
    void wholeInputAtFaultHasNoPosition() {
        String missing = dir.resolve("missing.csv").toString();
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> LogReaders.open(missing, ReadOptions.defaults()));
        assertEquals(missing + ": no such file", e.getMessage());
        assertEquals(missing, e.source());
        assertParts(e, "", OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        assertEquals("no such file", e.reason());
    }

    @Test
    void dataIsAsGivenWhileTheMessageIsPrintable() {
        LogFormatException e = new LogFormatException("a\u001b.csv", "7", "PID \"1\n2\" is not a number");
        assertEquals("a?.csv:7: PID \"1?2\" is not a number", e.getMessage());
        assertEquals("a\u001b.csv", e.source());
        assertEquals("PID \"1\n2\" is not a number", e.reason());
    }

    @Test
    void positionsOfNoKnownFormNameNothing() {
        for (String position : new String[] {"x", "1:2:3", "-1", "byte ", "byte 0x", "byte -5", "12:", "byte 0xzz"}) {
            LogFormatException e = new LogFormatException("f", position, "bad");
            assertParts(e, position, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());
        }
    }

    private LogFormatException refused(String name, byte[] content) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        ReadOptions strict = ReadOptions.defaults().withPolicy(BadRecordPolicy.FAIL);
        LogFormatException e = assertThrows(LogFormatException.class, () -> {
            try (EventReader reader = LogReaders.open(file.toString(), strict)) {
                reader.forEachRemaining(event -> { });
            }
        });
        assertEquals(file.toString(), e.source());
        return e;
    }

    private static void assertParts(LogFormatException e, String position, OptionalLong line, OptionalLong column,
                                    OptionalLong byteOffset) {
        assertEquals(position, e.position(), "position");
        assertEquals(line, e.line(), "line of " + position);
        assertEquals(column, e.column(), "column of " + position);
        assertEquals(byteOffset, e.byteOffset(), "byte offset of " + position);
    }
}
