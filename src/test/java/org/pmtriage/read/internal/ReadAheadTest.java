package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;

class ReadAheadTest {

    /** Gives {@code count} events, then fails if {@code failure} is set. */
    private static final class Numbers implements EventReader {
        private final int count;
        private final RuntimeException failure;
        private final AtomicBoolean closed = new AtomicBoolean();
        private int given;

        Numbers(int count, RuntimeException failure) {
            this.count = count;
            this.failure = failure;
        }

        @Override
        public boolean hasNext() {
            if (given == count && failure != null) {
                throw failure;
            }
            return given < count;
        }

        @Override
        public Event next() {
            given++;
            return Event.basic(given, given, "a.exe", 1, "ReadFile", "C:\\a", "SUCCESS", "");
        }

        @Override
        public InputFormat format() {
            return InputFormat.CSV;
        }

        @Override
        public long skippedRecords() {
            return 7;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void deliversEveryEventInOrderAcrossBatches() throws Exception {
        int n = ReadAhead.BATCH * 3 + 5;
        Numbers source = new Numbers(n, null);
        try (ReadAhead reader = new ReadAhead(source, new TextBudget("t.csv", w -> { }))) {
            long expected = 1;
            while (reader.hasNext()) {
                assertEquals(expected++, reader.next().record());
            }
            assertEquals(n + 1, expected);
            assertFalse(reader.hasNext());
            assertEquals(7, reader.skippedRecords());
        }
        assertTrue(source.closed.get());
    }

    @Test
    void anErrorArrivesAfterTheEventsBeforeIt() {
        LogFormatException failure = new LogFormatException("t.csv", "9", "broken");
        try (ReadAhead reader = new ReadAhead(new Numbers(ReadAhead.BATCH + 3, failure), new TextBudget("t.csv", w -> { }))) {
            int seen = 0;
            LogFormatException e = null;
            try {
                while (reader.hasNext()) {
                    reader.next();
                    seen++;
                }
            } catch (LogFormatException thrown) {
                e = thrown;
            }
            assertEquals(ReadAhead.BATCH + 3, seen, "every event before the failure arrives");
            assertEquals(failure, e);
            assertThrows(java.util.NoSuchElementException.class, reader::next);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
