package org.pmtriage.read.xml;

import java.io.IOException;
import java.io.InputStream;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import org.codehaus.stax2.LocationInfo;
import org.codehaus.stax2.XMLStreamReader2;
import org.pmtriage.read.LogFormatException;

/**
 * A thin layer over a StAX reader: turns its checked exceptions into one-line
 * {@link LogFormatException}s with {@code line:column}, tracks the open elements for messages,
 * collects element text into one reusable buffer (no String unless the caller asks), and skips
 * subtrees without looking at their text.
 */
final class XmlCursor implements ElementCursor {

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

    private static final int CHUNK_BYTES = 1 << 16;

    private final InputStream in;
    private final AsyncByteArrayFeeder feeder;
    private final byte[] chunk;
    private final int firstLine;
    private final int firstColumn;
    private final String root;
    private long fed;
    private int lastFed;
    private boolean ended;

    private XmlCursor(XMLStreamReader xml, InputStream in, AsyncByteArrayFeeder feeder, String source,
                      int maxTextChars, int firstLine, int firstColumn, String root) {
        this.root = root;
        this.firstLine = firstLine;
        this.firstColumn = firstColumn;
        this.xml = xml;
        this.in = in;
        this.feeder = feeder;
        this.chunk = feeder == null ? null : new byte[CHUNK_BYTES];
        this.source = source;
        this.maxTextChars = maxTextChars;
    }

    /**
     * A cursor on Aalto's non-blocking parser, fed 64 KiB at a time: fastest, and it hands text over
     * in pieces no larger than a chunk, so an oversized element is refused before it fills the
     * heap. UTF-8 without a byte-order mark only.
     *
     * @param firstLine   the line in the file of the input's first byte (positions are shifted by it)
     * @param firstColumn the column in the file of the input's first byte
     */
    static XmlCursor async(InputStream in, String source, int maxTextChars, int firstLine, int firstColumn) {
        AsyncXMLStreamReader<AsyncByteArrayFeeder> xml = StaxFactories.aalto().createAsyncForByteArray();
        return new XmlCursor(xml, in, xml.getInputFeeder(), source, maxTextChars, firstLine, firstColumn,
                firstLine + ":" + firstColumn);
    }

    /**
     * A cursor on a blocking StAX parser, which detects the encoding itself.
     *
     * @param root {@code line:column} of the root element when known (blocking parsers place it badly)
     */
    static XmlCursor blocking(XMLInputFactory factory, InputStream in, String source, int maxTextChars, String root) {
        try {
            return new XmlCursor(factory.createXMLStreamReader(in), in, null, source, maxTextChars, 1, 1, root);
        } catch (XMLStreamException e) {
            throw new LogFormatException(source, format(e.getLocation(), 1, 1),
                    XmlErrors.describe(String.valueOf(e.getMessage()), null), e);
        }
    }

    /** @return the next parse event ({@link XMLStreamConstants}) */
    @Override
    public int next() {
        try {
            int event = xml.next();
            while (event == AsyncXMLStreamReader.EVENT_INCOMPLETE) {
                feed();
                event = xml.next();
            }
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

    private void feed() throws XMLStreamException {
        int n;
        try {
            n = in.read(chunk);
        } catch (MarkupGuard.TooLongException e) {
            throw new LogFormatException(source, "byte " + e.start(), e.getMessage(), e);
        } catch (IOException e) {
            throw new LogFormatException(source, position(), "cannot read: " + e.getMessage(), e);
        }
        if (n >= 0) {
            feeder.feedInput(chunk, 0, n);
            fed += n;
            lastFed = n;
        } else if (!ended) {
            ended = true;
            feeder.endOfInput();
        } else {
            throw new LogFormatException(source, position(), XmlErrors.describe("Unexpected End-of-input",
                    depth == 0 ? null : openName()));
        }
    }

    /**
     * What the input holds after the current start tag, for a parser that takes over from here.
     *
     * @param bytes  the bytes the parser was fed but has not parsed
     * @param in     the rest of the input
     * @param line   file line of {@code bytes[0]}
     * @param column file column of {@code bytes[0]}
     */
    record Remainder(byte[] bytes, InputStream in, int line, int column) {
    }

    /**
     * @return the input after the current start tag (assumed to hold no newline), or null when this
     * cursor cannot tell (a blocking parser)
     */
    Remainder remainder() {
        if (feeder == null) {
            return null;
        }
        LocationInfo info = ((XMLStreamReader2) xml).getLocationInfo();
        long start = info.getStartingByteOffset();
        long end;
        try {
            end = info.getEndingByteOffset();
        } catch (XMLStreamException e) {
            return null;
        }
        long chunkStart = fed - lastFed;
        if (end < chunkStart || end > fed || end <= start || chunk[(int) (end - chunkStart) - 1] != '>') {
            return null;
        }
        byte[] rest = java.util.Arrays.copyOfRange(chunk, (int) (end - chunkStart), lastFed);
        String[] at = position().split(":");
        return new Remainder(rest, in, Integer.parseInt(at[0]), Integer.parseInt(at[1]) + (int) (end - start));
    }

    /** @return the local name of the current start or end element */
    @Override
    public String name() {
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
    @Override
    public String readText() {
        return readText(true);
    }

    /**
     * Passes over the current element as {@link #readText()} does, without collecting its text
     * (the parser then need not decode it), so {@link #text()} is left empty.
     *
     * @return the name of the first child element found inside (skipped), or null when there was none
     */
    @Override
    public String skipText() {
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
    @Override
    public char[] text() {
        return text;
    }

    /** @return how many characters {@link #readText()} collected */
    @Override
    public int length() {
        return length;
    }

    /** @return the collected text as a new String */
    @Override
    public String string() {
        return new String(text, 0, length);
    }

    /** Skips the current element, positioned on its start tag, to its end tag, reading no text. */
    @Override
    public void skipElement() {
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
    @Override
    public Location location() {
        return xml.getLocation();
    }

    /** @return {@code line:column} in the file of a location the parser gave, or "" when it gave none */
    @Override
    public String format(Location location) {
        return format(location, firstLine, firstColumn);
    }

    /** @return {@code line:column} of the root element, from the prolog scan where parsers place it badly */
    String rootPosition() {
        return root != null ? root : position();
    }

    private static String format(Location location, int firstLine, int firstColumn) {
        if (location == null || location.getLineNumber() < 1) {
            return "";
        }
        int line = location.getLineNumber();
        int column = line == 1 ? location.getColumnNumber() + firstColumn - 1 : location.getColumnNumber();
        return (line + firstLine - 1) + ":" + column;
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
