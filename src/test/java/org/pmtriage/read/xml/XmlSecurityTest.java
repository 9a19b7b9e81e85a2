package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pmtriage.read.xml.XmlDocs.doc;
import static org.pmtriage.read.xml.XmlDocs.event;
import static org.pmtriage.read.xml.XmlDocs.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * Hostile and broken XML ends in one clear LogFormatException. The timeouts only guard against a
 * hang (an expanding or blocking parser); they measure nothing.
 */
class XmlSecurityTest {

    private static final String REFUSED = "the XML has a document type declaration (<!DOCTYPE>), which ProcMon"
            + " never writes; it is refused unread (DTDs and entities could read other files or expand without"
            + " bound)";
    private static final Duration HANG = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static String failure(String xml) {
        return failure(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(byte[] xml) {
        return assertTimeoutPreemptively(HANG, () ->
                assertThrows(LogFormatException.class, () -> read(xml, BadRecordPolicy.SKIP)).getMessage());
    }

    @Test
    void externalEntityIsRefused() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP SECRET");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE procmon [\n<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">\n]>\n<procmon><eventlist>" + event(1, "10:00:00", "a.exe", "1", "ReadFile", "&xxe;")
                + "</eventlist></procmon>";
        assertEquals("t.xml:2:1: " + REFUSED, failure(xml));
    }

    @Test
    void externalDtdFromABlockingSourceIsNeverOpened() throws Exception {
        // a FIFO with no writer: a parser that opened it would hang here
        Path fifo = dir.resolve("dtd.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo unavailable");
        String xml = "\uFEFF<?xml version=\"1.0\"?>\r\n<!-- exported -->\r\n<!DOCTYPE procmon SYSTEM \"" + fifo.toUri()
                + "\">\r\n<procmon/>";
        assertEquals("t.xml:3:1: " + REFUSED, failure(xml));
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<procmon><eventlist>")
                .append(event(1, "10:00:00", "a.exe", "1", "ReadFile", "&lol9;")).append("</eventlist></procmon>");
        assertEquals("t.xml:2:1: " + REFUSED, failure(xml.toString()));
    }

    @Test
    void doctypeInUtf16IsRefusedByTheParserCheck() {
        String xml = "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x [<!ENTITY a \"b\">]><procmon/>";
        String message = failure(xml.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(REFUSED, message.substring(message.indexOf(": ") + 2));
    }

    @Test
    void undeclaredEntityIsMalformed() {
        assertEquals("t.xml:9:12: undeclared entity &foo; (ProcMon exports use only the predefined XML entities)",
                failure(doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", "&foo;"))));
    }

    @Test
    void truncatedFileSaysWhereItEnds() {
        String whole = doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", "C:\\1"));
        String truncated = whole.substring(0, whole.indexOf("<Path>") + 8);
        assertEquals("t.xml:9:9: unexpected end of file inside <Path>: the XML export is truncated", failure(truncated));
        assertEquals("t.xml:2:10: unexpected end of file inside <procmon>: the XML export is truncated",
                failure("\n<procmon>"));
        assertEquals("t.xml:1:4: unexpected end of file: the XML is empty or truncated", failure("   "));
    }

    @Test
    void mismatchedTagAndTrailingGarbageAreMalformed() {
        assertEquals("t.xml:9:17: malformed XML: Unexpected end tag: expected </Path>",
                failure(doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", "C:\\x</Result>"))));
        assertEquals("t.xml:4:2: malformed XML: Unexpected character 'j' (code 106) in epilog",
                failure(doc() + "junk"));
    }

    @Test
    void oversizedTextIsRefusedWithinBoundedMemory() {
        String huge = "a".repeat(XmlEventReader.MAX_TEXT_CHARS + 1);
        String message = failure(doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", huge)));
        assertTrue(message.startsWith("t.xml:9:"), message);
        assertTrue(message.endsWith(": the text of <Path> is longer than 4194304 characters"), message);
    }

    @Test
    void textTooLongForTheSingleThreadedParserIsRefusedAsItStreams() {
        String huge = "b".repeat(XmlEventReader.MAX_TEXT_BYTES + 1);
        String message = failure(doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", huge)));
        assertTrue(message.matches("t\\.xml:9:\\d+: the text of <Path> is longer than 8388608 bytes"), message);
        String cdata = "<![CDATA[" + "<a>".repeat(XmlEventReader.MAX_TEXT_BYTES / 3 + 1) + "]]>";
        message = failure(doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", cdata)));
        assertTrue(message.matches("t\\.xml:9:\\d+: the text of <Path> is longer than 8388608 bytes"), message);
    }

    @Test
    void unreadableInputIsReported() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk on fire");
            }
        };
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> new XmlEventReader(broken, "t.xml", ReadOptions.defaults()));
        assertEquals("t.xml: cannot read: disk on fire", e.getMessage());
    }
}
