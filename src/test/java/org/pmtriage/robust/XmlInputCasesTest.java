package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 7, XML cases, through the command line: a document type declaration (external entities,
 * entity expansion) is refused unread, a truncated export names where it ends, standard input
 * and UTF-16 without a byte-order mark are read; one line, exit 3, never a stack trace.
 */
@ResourceLock("java.lang.System.in") // replaces standard input to read from it
class XmlInputCasesTest {

    private static final String REFUSED = "the XML has a document type declaration (<!DOCTYPE>), which ProcMon never"
            + " writes; it is refused unread (DTDs and entities could read other files or expand without bound)";

    @TempDir
    Path dir;
    private String story;

    @BeforeEach
    void readSeed() {
        story = XmlStory.text();
    }

    @Test
    void externalEntityIsRefusedUnread() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        Path log = write("xxe.xml", story.replace("<procmon>", "<!DOCTYPE procmon [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\r\n<procmon>").replace("<Path>C:\\Windows", "<Path>&xxe;C:\\Windows"));
        Cli run = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":2:1: " + REFUSED, run.error());
        assertFalse(run.out().contains("TOP-SECRET"));
    }

    @Test
    void entityExpansionIsRefusedUnread() throws IOException {
        StringBuilder lol = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]>\r\n");
        Path log = write("lol.xml", story.replace("<procmon>", lol + "<procmon>")
                .replace("<Path>C:\\Windows", "<Path>&lol9;"));
        Cli run = Cli.run("analyze", log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: " + log + ":2:1: " + REFUSED, run.error());
    }

    @Test
    void truncatedExportSaysWhereItEnds() throws IOException {
        String cut = story.substring(0, story.indexOf("<Detail>", story.length() / 2) + 12);
        long line = cut.lines().count();
        int column = cut.length() - cut.lastIndexOf('\n');
        Path log = write("cut.xml", cut);
        for (String policy : new String[] {"--fail-on=none", "--strict"}) {
            Cli run = Cli.run("analyze", policy, log.toString());
            assertEquals(3, run.code());
            assertEquals("pmtriage analyze: " + log + ":" + line + ":" + column
                    + ": unexpected end of file inside <Detail>: the XML export is truncated", run.error());
        }
    }

    @Test
    void standardInputIsReadAsXml() throws IOException {
        Cli run = Cli.withStdin(story.getBytes(StandardCharsets.UTF_8), "analyze", "--format", "json", "-");
        assertEquals(1, run.code(), run.err());
        assertEquals("xml", new ObjectMapper().readTree(run.out()).at("/input/format").asText());
        assertEquals(8, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
    }

    @Test
    void utf16WithoutByteOrderMarkIsRead() throws IOException {
        Path log = Files.write(dir.resolve("utf16.xml"), story.replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16LE));
        Cli run = Cli.run("analyze", "--format", "json", log.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(8, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
