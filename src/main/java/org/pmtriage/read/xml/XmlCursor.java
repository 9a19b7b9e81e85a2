package org.pmtriage.read.xml;

import java.io.IOException;
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

    /** What is wrong with a document that has a document type declaration. */
    static final String DOCTYPE_REFUSED = "the XML has a document type declaration (<!DOCTYPE>), which"
            + " ProcMon never writes; it is refused unread (DTDs and entities could read other files or"
            + " expand without bound)";

    private static final int MAX_DEPTH_NAMED = 64;

    private final XMLStreamReader xml;
    private final String source;
    private final int maxTextChars;
    private final String[] open = new String[MAX_DEPTH_NAMED];
    private int depth;
    private char[] text = new char[1024];
    private int length;

    /** Opens a cursor over one input; the reader's choice of parser, swappable for benchmarks. */
    interface Opener {
        /**
         * @param in     the XML bytes
         * @param source the file name for messages
         * @return a cursor before the first parse event
         */
        XmlCursor open(InputStream in, String source);
    }

    private final String root;

    private XmlCursor(XMLStreamReader xml, String source, int maxTextChars, String root) {
        this.root = root;
        this.xml = xml;
        this.source = source;
        this.maxTextChars = maxTextChars;
    }

    /**
     * A cursor on a blocking StAX parser, which detects the encoding itself.
     *
     * @param root {@code line:column} of the root element when known (blocking parsers place it badly)
     */
    static XmlCursor blocking(XMLInputFactory factory, InputStream in, String source, int maxTextChars, String root) {
        try {
            return new XmlCursor(factory.createXMLStreamReader(in), source, maxTextChars, root);
        } catch (XMLStreamException e) {
            throw new LogFormatException(source, format(e.getLocation()),
                    XmlErrors.describe(String.valueOf(e.getMessage()), null), e);
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
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new LogFormatException(source, position(), XmlErrors.undeclaredEntity(xml.getLocalName()));
            } else if (event == XMLStreamConstants.DTD) {
                throw new LogFormatException(source, position(), DOCTYPE_REFUSED);
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
        return readText(true);
    }

    /**
     * Passes over the current element as {@link #readText()} does, without collecting its text
     * (the parser then need not decode it), so {@link #text()} is left empty.
     *
     * @return the name of the first child element found inside (skipped), or null when there was none
     */
    String skipText() {
        return readText(false);
    }

    private String readText(boolean collect) {
        length = 0;
        String child = null;
        while (true) {
            int event = next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (collect) {
                        append();
                    }
                }
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

    /** Appends the current text event; lazy parsers (Aalto) report its errors here, unchecked or sneakily. */
    private void append() {
        try {
            appendText();
        } catch (LogFormatException e) {
            throw e;
        } catch (Exception e) {
            XMLStreamException cause = xmlCause(e);
            if (cause == null) {
                throw e;
            }
            throw translate(cause);
        }
    }

    private static XMLStreamException xmlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException x) {
                return x;
            }
        }
        return null;
    }

    private void appendText() {
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

    /** @return {@code line:column} in the file of a location the parser gave, or "" when it gave none */
    static String format(Location location) {
        if (location == null || location.getLineNumber() < 1) {
            return "";
        }
        return location.getLineNumber() + ":" + location.getColumnNumber();
    }

    /** @return {@code line:column} of the root element, from the prolog scan where parsers place it badly */
    String rootPosition() {
        return root != null ? root : position();
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
        if (position.isEmpty()) {
            position = format(xml.getLocation());
        }
        Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        if (cause instanceof TextRunGuard.TooLongException tooLong) {
            return new LogFormatException(source, position, "the text of <" + (depth == 0 ? "?" : openName())
                    + "> is longer than " + tooLong.limit() + " bytes", e);
        }
        if (cause instanceof MarkupGuard.TooLongException tooLong) {
            return new LogFormatException(source, "byte " + tooLong.start(), tooLong.getMessage(), e);
        }
        if (cause instanceof IOException io) {
            return new LogFormatException(source, position, "cannot read: " + io.getMessage(), e);
        }
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        String what = XmlErrors.describe(message, depth == 0 ? null : openName());
        return new LogFormatException(source, position, what, e);
    }
}
