package org.pmtriage.robust;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The XML fuzzer's story seed (a small ProcMon XML export with a process list), as text without its BOM. */
final class XmlStory {

    /** Events in the story. */
    static final int EVENTS = 8;

    private XmlStory() {
    }

    static String text() {
        try (InputStream in = XmlStory.class.getResourceAsStream(
                "/org/pmtriage/read/open/XmlReaderFuzzTestInputs/xml/story-en-us.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).substring(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
