package org.pmtriage.read.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;

/**
 * Reads another reader's events ahead on a background thread, in batches, so that parsing and
 * the consumer's work run on two cores. Errors reach the consumer where they happened in the
 * stream. Memory is bounded in bytes: texts are cut to the {@link TextBudget}; a batch ends at
 * {@link #BATCH} events or {@link #BATCH_BYTES}; the batches waiting hold at most
 * {@link #QUEUE_BYTES} (a larger batch waits alone).
 */
public final class ReadAhead implements EventReader {

    static final int BATCH = 1024;
    static final int BATCHES = 8;
    static final long BATCH_BYTES = 1 << 20;
    static final long QUEUE_BYTES = 8L << 20;
    private static final int KIB = 1024;
    private static final int QUEUE_KIB = (int) (QUEUE_BYTES / KIB);

    private static final Object END = new Object();

    private final EventReader source;
    private final TextBudget texts;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
    /** Free room in the queue, in KiB; a batch takes its size, at most all of it. */
    private final Semaphore room = new Semaphore(QUEUE_KIB);
    private final Thread thread;
    private volatile long skipped;
    private volatile long bytes;
    private Event[] batch = new Event[0];
    private int index;
    private boolean ended;

    /** Events of one batch and the room in the queue they take. */
    private record Batch(Event[] events, int kib) {
    }

    /**
     * Starts reading ahead at once.
     *
     * @param source the reader to read from; closed by {@link #close()}
     * @param texts  the budget that cuts overlong texts
     */
    public ReadAhead(EventReader source, TextBudget texts) {
        this.source = source;
        this.texts = texts;
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
                long batchBytes = 0;
                Throwable failure = null;
                try {
                    while (n < BATCH && batchBytes < BATCH_BYTES && source.hasNext()) {
                        Event e = texts.cut(source.next());
                        batchBytes += estimatedBytes(e);
                        events[n++] = e;
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                more = (n == BATCH || batchBytes >= BATCH_BYTES) && failure == null;
                skipped = source.skippedRecords();
                bytes = source.bytesRead();
                int kib = (int) Math.min(QUEUE_KIB, batchBytes / KIB);
                room.acquire(kib);
                queue.put(new Batch(n == BATCH ? events : Arrays.copyOf(events, n), kib));
                if (!more) {
                    queue.put(failure != null ? failure : END);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // out of memory while a batch was made or queued: the consumer must hear of it, not wait forever
            try {
                queue.put(e);
            } catch (InterruptedException closed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return about what {@code e} takes on the heap: its texts (two bytes a character at most) and objects */
    private static long estimatedBytes(Event e) {
        return 160 + 2L * (e.processName().length() + e.operationName().length() + e.path().length()
                + e.result().length() + e.detail().length() + e.commandLine().length() + e.imagePath().length())
                + (e.stack().depth() == 0 ? 0 : e.stack().bytes());
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
                Batch b = (Batch) item;
                room.release(b.kib());
                batch = b.events();
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
