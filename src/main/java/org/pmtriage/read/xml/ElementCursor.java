package org.pmtriage.read.xml;

import javax.xml.stream.Location;

/**
 * What {@link EventElementParser} reads an {@code <event>} through: StAX ({@link XmlCursor}) or,
 * for pieces of eventlist in the plain form ProcMon writes, bytes directly ({@link PlainEventCursor}).
 */
interface ElementCursor {

    /** @return the next parse event ({@link javax.xml.stream.XMLStreamConstants}) */
    int next();

    /** @return the name of the current start or end element */
    String name();

    /**
     * Collects the text of the current element, positioned on its start tag; ends on its end tag.
     *
     * @return the name of the first child element found inside (skipped), or null when there was none
     */
    String readText();

    /**
     * Passes over the current element as {@link #readText()} does without collecting its text, so
     * that {@link #length()} is 0.
     *
     * @return the name of the first child element found inside (skipped), or null when there was none
     */
    String skipText();

    /** @return the buffer holding the text {@link #readText()} collected, from index 0 */
    char[] text();

    /** @return how many characters {@link #readText()} collected */
    int length();

    /** @return the collected text as a new String */
    String string();

    /** Skips the current element, positioned on its start tag, to its end tag. */
    void skipElement();

    /** @return the current location, to be formatted later with {@link #format}; may be null */
    Location location();

    /** @return {@code line:column} in the file of a location from {@link #location()}, or "" */
    String format(Location location);
}
