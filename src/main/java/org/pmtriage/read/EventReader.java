package org.pmtriage.read;

import java.io.Closeable;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;

/**
 * A pull reader of one log: events in log order, one at a time, holding nothing once returned.
 * {@link #next()} and {@link #hasNext()} throw {@link LogFormatException} on input they cannot
 * read (always under {@link BadRecordPolicy#FAIL}, only for unreadable structure under
 * {@link BadRecordPolicy#SKIP}).
 */
public interface EventReader extends Iterator<Event>, Closeable {

    /** @return the format being read */
    InputFormat format();

    /** @return how many records were skipped as malformed so far */
    long skippedRecords();

    /**
     * The log's own process table, when it has one (XML processlist, PML process table).
     *
     * @return the processes known before the first event; empty for CSV
     */
    default List<ProcessInfo> processes() {
        return List.of();
    }

    /** @return the date of the timeline's day zero, when the log carries dates (PML) */
    default Optional<LocalDate> firstDay() {
        return Optional.empty();
    }

    /** @return the machine the log was captured on, when the log records it (PML) */
    default Optional<CaptureHost> host() {
        return Optional.empty();
    }

    /** @return bytes of the (uncompressed where possible) input consumed so far, for progress */
    default long bytesRead() {
        return -1;
    }
}
