package org.pmtriage.read.xml;

/** The events of an eventlist in document order, parsed but not yet numbered. */
interface EventSource {

    /**
     * @return the next event element, or null after the end of the document
     * @throws org.pmtriage.read.LogFormatException when the XML is malformed
     */
    ParsedEvent next();

    /** Stops any work still going on; the input is closed by the reader. */
    void close();
}
