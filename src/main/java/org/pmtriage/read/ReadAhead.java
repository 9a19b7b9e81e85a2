package org.pmtriage.read;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;

/**
 * Reads another reader's events ahead on a background thread, in batches, so that parsing and
 * the consumer's work run on two cores. Errors reach the consumer where they happened in the
 * stream. Memory: at most {@link #BATCHES} batches of {@link #BATCH} events in flight.
 */
public final class ReadAhead implements EventReader {

    static final int BATCH = 1024;
    static final int BATCHES = 8;

    private static final Object END = new Object();

    private final EventReader source;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private volatile long skipped;
    private volatile long bytes;
    private Event[] batch = new Event[0];
    private int index;
    private boolean ended;

    /**
     * Starts reading ahead at once.
     *
     * @param source the reader to read from; closed by {@link #close()}
     */
    public ReadAhead(EventReader source) {
        this.source = source;
        this.thread = new Thread(this::pump, "pmtriage-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void pump() {
        try {
            boolean more = true;
            while (more) {
                Event[] events = new Event[BATCH];
                int n = 0;
                Throwable failure = null;
                try {
                    while (n < BATCH && source.hasNext()) {
                        events[n++] = source.next();
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                more = n == BATCH && failure == null;
                skipped = source.skippedRecords();
                bytes = source.bytesRead();
                queue.put(n == BATCH ? events : Arrays.copyOf(events, n));
                if (!more) {
                    queue.put(failure != null ? failure : END);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean hasNext() {
        while (index == batch.length) {
            if (ended) {
                return false;
            }
            Object item;
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LogFormatException("read-ahead", "", "interrupted");
            }
            if (item == END) {
                ended = true;
            } else if (item instanceof RuntimeException e) {
                ended = true;
                throw e;
            } else if (item instanceof Error e) {
                ended = true;
                throw e;
            } else {
                batch = (Event[]) item;
                index = 0;
            }
        }
        return true;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Event e = batch[index];
        batch[index++] = null;
        return e;
    }

    @Override
    public InputFormat format() {
        return source.format();
    }

    @Override
    public long skippedRecords() {
        return ended ? source.skippedRecords() : skipped;
    }

    @Override
    public List<ProcessInfo> processes() {
        return source.processes();
    }

    @Override
    public Optional<LocalDate> firstDay() {
        return source.firstDay();
    }

    @Override
    public Optional<CaptureHost> host() {
        return source.host();
    }

    @Override
    public long bytesRead() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
