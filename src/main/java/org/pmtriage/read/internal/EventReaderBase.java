package org.pmtriage.read.internal;

import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

import org.pmtriage.event.Event;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * What every format's reader does alike: it names its format, counts the records it skipped
 * under the options' policy ({@link #badRecords()}), holds the one event {@link #hasNext()} has
 * read ahead, and keeps the first day a text export's {@code Date & Time} column gives. A reader
 * only says how to read its next event ({@link #read()}).
 */
public abstract class EventReaderBase implements EventReader {

    private final InputFormat format;
    private final BadRecords badRecords;
    private final Consumer<String> warnings;
    private Event next;
    /** Volatile: {@link ReadAhead} reads it from another thread than the one reading the log. */
    private volatile Optional<LocalDate> firstDay = Optional.empty();

    /**
     * @param format  the format read
     * @param options the policy for malformed records and where warnings go
     */
    protected EventReaderBase(InputFormat format, ReadOptions options) {
        this.format = format;
        this.badRecords = new BadRecords(options);
        this.warnings = options.warnings();
    }

    /**
     * Reads the next well-formed event, passing malformed ones to {@link #badRecords()}.
     *
     * @return the event, or null at the end of the log
     * @throws LogFormatException when the log cannot be read on
     */
    protected abstract Event read();

    /** @return where this reader's malformed records go */
    protected final BadRecords badRecords() {
        return badRecords;
    }

    /**
     * Dates the timeline's day zero from the first event's {@code Date & Time} text, or warns
     * that the text leaves the date undecided.
     *
     * @param where       the position for the warning ({@code file:line})
     * @param dateAndTime the first event's {@code Date & Time}
     * @param timeOfDay   the same event's {@code Time of Day}
     */
    protected final void dateFirstDay(String where, String dateAndTime, CharSequence timeOfDay) {
        firstDay = ExportDate.parse(dateAndTime, timeOfDay);
        if (firstDay.isEmpty()) {
            warnings.accept(ExportDate.undecided(where, dateAndTime));
        }
    }

    @Override
    public final InputFormat format() {
        return format;
    }

    @Override
    public final long skippedRecords() {
        return badRecords.count();
    }

    /** @return the first event's date from its {@code Date & Time}, once that event has been read */
    @Override
    public Optional<LocalDate> firstDay() {
        return firstDay;
    }

    @Override
    public final boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public final Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Event e = next;
        next = null;
        return e;
    }
}
