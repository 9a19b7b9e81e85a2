package org.pmtriage.report;

import java.io.IOException;

import org.pmtriage.event.Event;

/** Writes events, in order, in one export format. Closing flushes; the underlying writer stays open. */
public interface EventWriter extends AutoCloseable {

    /** Writes one event. */
    void write(Event e) throws IOException;

    @Override
    void close() throws IOException;
}
