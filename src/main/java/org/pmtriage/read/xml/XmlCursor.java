package org.pmtriage.read.xml;

import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.pmtriage.read.LogFormatException;

/**
 * A thin layer over a StAX reader: turns its checked exceptions into one-line
 * {@link LogFormatException}s with {@code line:column}, tracks the open elements for messages,
 * collects element text into one reusable buffer (no String unless the caller asks), and skips
 * subtrees without looking at their text.
 */
final class XmlCursor {

    private static final int MAX_DEPTH_NAMED = 64;

    private final XMLStreamReader xml;
    private final String source;
    private final int maxTextChars;
    private final String[] open = new String[MAX_DEPTH_NAMED];
    private int depth;
    private char[] text = new char[1024];
    private int length;

    XmlCursor(XMLInputFactory factory, InputStream in, String source, int maxTextChars) {
        this.source = source;
        this.maxTextChars = maxTextChars;
        try {
            this.xml = factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /** @return the next parse event ({@link XMLStreamConstants}) */
    int next() {
        try {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth < MAX_DEPTH_NAMED) {
                    open[depth] = xml.getLocalName();
                }
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.DTD) {
                throw new LogFormatException(source, position(), "the XML has a document type declaration"
                        + " (<!DOCTYPE>), which ProcMon never writes; it is refused unread (DTDs and"
                        + " entities could read other files or expand without bound)");
            }
            return event;
        } catch (XMLStreamException e) {
            throw translate(e);
        }
    }

    /** @return the local name of the current start or end element */
    String name() {
        return xml.getLocalName();
    }

    /** @return how many elements are open around the current position */
    int depth() {
        return depth;
    }

    /**
     * Collects the text of the current element, positioned on its start tag; ends on its end tag.
     * Comments and processing instructions inside are ignored.
     *
     * @return the name of the first child element found inside (skipped), or null when there was none
     * @throws LogFormatException when the text is longer than the limit
     */
    String readText() {
        length = 0;
        String child = null;
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> append();
                case XMLStreamConstants.END_ELEMENT -> {
                    return child;
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    if (child == null) {
                        child = name();
                    }
                    skipElement();
                }
                default -> {
                    // comments, processing instructions: not part of the value
                }
            }
        }
    }

    private void append() {
        int n = xml.getTextLength();
        if (length + n > text.length) {
            if ((long) length + n > maxTextChars) {
                throw new LogFormatException(source, position(), "the text of <" + openName()
                        + "> is longer than " + maxTextChars + " characters");
            }
            char[] bigger = new char[Math.min(maxTextChars, Math.max(length + n, text.length * 2))];
            System.arraycopy(text, 0, bigger, 0, length);
            text = bigger;
        }
        System.arraycopy(xml.getTextCharacters(), xml.getTextStart(), text, length, n);
        length += n;
    }

    /** @return the buffer holding the text collected by {@link #readText()} (valid up to {@link #length()}) */
    char[] text() {
        return text;
    }

    /** @return how many characters {@link #readText()} collected */
    int length() {
        return length;
    }

    /** @return the collected text as a new String */
    String string() {
        return new String(text, 0, length);
    }

    /** Skips the current element, positioned on its start tag, to its end tag, reading no text. */
    void skipElement() {
        int target = depth - 1;
        while (depth > target) {
            next();
        }
    }

    /** @return {@code line:column} of the current parse event */
    String position() {
        return format(xml.getLocation());
    }

    /** @return the current location, to be formatted later with {@link #format} */
    Location location() {
        return xml.getLocation();
    }

    static String format(Location location) {
        return location == null ? "" : location.getLineNumber() + ":" + location.getColumnNumber();
    }

    void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing releases buffers only; the input stream is closed by its owner
        }
    }

    private String openName() {
        return depth == 0 ? "?" : depth <= MAX_DEPTH_NAMED ? open[depth - 1] : "...";
    }

    private LogFormatException translate(XMLStreamException e) {
        String position = format(e.getLocation());
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof java.io.IOException io) {
            return new LogFormatException(source, position, "cannot read: " + io.getMessage(), e);
        }
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        String what = XmlErrors.describe(message, depth == 0 ? null : openName());
        return new LogFormatException(source, position, what, e);
    }
}
