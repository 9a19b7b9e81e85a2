package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * Damaged XML (bytes flipped, cut, duplicated, markup inserted) is either read or refused with a
 * LogFormatException whose message is one line with the file name; nothing else escapes, on one
 * thread or several.
 */
class XmlMutationTest {

    private static final String[] INSERTS = {"<", ">", "&", "&amp", "]]>", "<![CDATA[", "<!--", "<?x", "</event>",
        "<event>", "</eventlist>", "<!DOCTYPE x>", "\u0000", "\uFFFE", "\uD800", "<PID>", "</procmon>", "\"'"};

    @Test
    void damagedDocumentsAreReadOrRefusedCleanly() throws IOException {
        byte[] original = sample();
        Random random = new Random(20261125);
        int refused = 0;
        for (int round = 0; round < 400; round++) {
            byte[] damaged = mutate(original, random);
            for (int threads : new int[] {0, 1, 2}) {
                for (BadRecordPolicy policy : BadRecordPolicy.values()) {
                    try (XmlEventReader reader = new XmlEventReader(new ByteArrayInputStream(damaged), "t.xml",
                            ReadOptions.defaults().withPolicy(policy), null, threads, 512)) {
                        reader.processes();
                        reader.forEachRemaining(e -> { });
                    } catch (LogFormatException e) {
                        refused++;
                        assertTrue(e.getMessage().startsWith("t.xml") && !e.getMessage().contains("\n"), e.getMessage());
                    } catch (RuntimeException e) {
                        fail("round " + round + ", " + threads + " thread(s), " + policy + ": " + e, e);
                    }
                }
            }
        }
        assertTrue(refused > 400, "most damaged documents are refused: " + refused);
    }

    private static byte[] sample() throws IOException {
        Path csv = Path.of("..", "shared", "samples-public", "jtarkington77-phishing", "Logfile.CSV");
        if (Files.exists(csv)) {
            StringWriter out = new StringWriter();
            CsvToXml.read(csv).write(out, CsvToXml.Settings.full().withStackFrames(1));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
        return XmlDocs.doc(XmlDocs.event(1, "10:00:00", "a.exe", "1", "CreateFile", "C:\\a"),
                XmlDocs.event(2, "10:00:01", "b.exe", "2", "CloseFile", "C:\\a")).getBytes(StandardCharsets.UTF_8);
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
