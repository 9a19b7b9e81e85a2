package org.pmtriage.read.xml;

import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.read.Decoding;

/** The events of an eventlist in document order, parsed but not yet numbered; the cursor starts just inside it. */
final class SequentialEvents {

    private final XmlCursor cursor;
    private final EventElementParser parser;
    private boolean inEvents = true;

    SequentialEvents(XmlCursor cursor, Decoding decoding) {
        this.cursor = cursor;
        this.parser = new EventElementParser(cursor, decoding);
    }

    /**
     * @return the next event element, or null after the end of the document
     * @throws org.pmtriage.read.LogFormatException when the XML is malformed
     */
    ParsedEvent next() {
        while (inEvents) {
            int event = cursor.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                inEvents = false;
                finishDocument(cursor);
                return null;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!cursor.name().equals("event")) {
                cursor.skipElement();
                continue;
            }
            return parser.parse();
        }
        return null;
    }

    /** Reads what follows the current element to the end of the document, so truncation is noticed. */
    static void finishDocument(XmlCursor cursor) {
        while (cursor.depth() > 0) {
            if (cursor.next() == XMLStreamConstants.START_ELEMENT) {
                cursor.skipElement();
            }
        }
        while (cursor.next() != XMLStreamConstants.END_DOCUMENT) {
            // comments or processing instructions after the root
        }
    }

    void close() {
        cursor.close();
    }
}
