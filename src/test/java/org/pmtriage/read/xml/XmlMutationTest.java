package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * Damaged XML (bytes flipped, cut, duplicated, markup inserted) is either read or refused with a
 * LogFormatException whose message is one line with the file name; nothing else escapes. The
 * document is our hand-written real-shaped capture (src/test/resources/captures) as ProcMon would
 * export it to XML: a processlist with modules, all its events, a stack frame each; in every clone.
 */
class XmlMutationTest {

    private static final String[] INSERTS = {"<", ">", "&", "&amp", "]]>", "<![CDATA[", "<!--", "<?x", "</event>",
        "<event>", "</eventlist>", "<!DOCTYPE x>", "\u0000", "\uFFFE", "\uD800", "<PID>", "</procmon>", "\"'"};

    @Test
    void damagedDocumentsAreReadOrRefusedCleanly() throws IOException, URISyntaxException {
        byte[] original = sample();
        Random random = new Random(20261125);
        int refused = 0;
        for (int round = 0; round < 400; round++) {
            byte[] damaged = mutate(original, random);
            for (BadRecordPolicy policy : BadRecordPolicy.values()) {
                try (XmlEventReader reader = new XmlEventReader(new ByteArrayInputStream(damaged), "t.xml",
                        ReadOptions.defaults().withPolicy(policy))) {
                    reader.processes();
                    reader.forEachRemaining(e -> { });
                } catch (LogFormatException e) {
                    refused++;
                    assertTrue(e.getMessage().startsWith("t.xml") && !e.getMessage().contains("\n"), e.getMessage());
                } catch (RuntimeException e) {
                    fail("round " + round + ", " + policy + ": " + e, e);
                }
            }
        }
        assertTrue(refused > 200, "most damaged documents are refused: " + refused);
    }

    private static byte[] sample() throws IOException, URISyntaxException {
        Path csv = Path.of(XmlMutationTest.class.getResource("/captures/scons-inherited-handle.csv").toURI());
        StringWriter out = new StringWriter();
        CsvToXml.read(csv).write(out, CsvToXml.Settings.full().withStackFrames(1));
        byte[] xml = out.toString().getBytes(StandardCharsets.UTF_8);
        try (XmlEventReader reader = new XmlEventReader(new ByteArrayInputStream(xml), "t.xml", ReadOptions.defaults())) {
            assertEquals(3, reader.processes().size(), "the undamaged document reads whole");
            assertEquals(32, Stream.generate(reader::next).limit(32).count());
            assertFalse(reader.hasNext());
        }
        return xml;
    }

    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(4)) {
                case 0 -> bytes[at] = (byte) random.nextInt(256);
                case 1 -> bytes = java.util.Arrays.copyOf(bytes, at);
                case 2 -> {
                    byte[] insert = INSERTS[random.nextInt(INSERTS.length)].getBytes(StandardCharsets.UTF_8);
                    byte[] longer = new byte[bytes.length + insert.length];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    System.arraycopy(insert, 0, longer, at, insert.length);
                    System.arraycopy(bytes, at, longer, at + insert.length, bytes.length - at);
                    bytes = longer;
                }
                default -> {
                    int end = Math.min(bytes.length, at + random.nextInt(200));
                    byte[] longer = new byte[bytes.length + end - at];
                    System.arraycopy(bytes, 0, longer, 0, end);
                    System.arraycopy(bytes, at, longer, end, bytes.length - at);
                    bytes = longer;
                }
            }
            if (bytes.length == 0) {
                bytes = original.clone();
            }
        }
        return bytes;
    }
}
