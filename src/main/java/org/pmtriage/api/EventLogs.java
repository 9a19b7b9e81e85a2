package org.pmtriage.api;

import java.io.InputStream;

import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.internal.ReadAhead;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.TextBudget;

/**
 * Opens a log to iterate its events: the format is recognized by content (CSV, XML or PML, plain
 * or gzip), events are parsed ahead on a second thread, and each text is bounded.
 *
 * <pre>{@code
 * try (EventReader events = EventLogs.open("samples/flaky-build.csv", ReadOptions.defaults())) {
 *     while (events.hasNext()) {
 *         Event e = events.next();
 *         if (e.result().equals("SHARING VIOLATION")) {
 *             System.out.println(Timeline.format(e.time()) + " " + e.processName() + " " + e.path());
 *         }
 *     }
 * }
 * }</pre>
 */
public final class EventLogs {

    private EventLogs() {
    }

    /**
     * Opens a log ({@code EventLogs.open("build.pml", ReadOptions.defaults())}); close it when done.
     *
     * @param log     a ProcMon log, or {@code -} for standard input
     * @param options how to read it; its warnings also hear of texts cut to the bound
     * @return the events, in log order, with the log's process table, format and skipped records
     * @throws LogFormatException when the log cannot be opened or is not a ProcMon log; reading
     *                            on may throw it too, with where
     */
    public static EventReader open(String log, ReadOptions options) {
        return new ReadAhead(LogReaders.open(log, options), new TextBudget(log, options.warnings()));
    }

    /**
     * Opens a log held in a stream, such as an upload or an archive entry; close it when done.
     *
     * @param in      the log's bytes (CSV, XML or PML, plain or gzip); closed with the reader
     * @param name    the name messages and warnings give the log
     * @param options how to read it; its warnings also hear of texts cut to the bound
     * @return the events, in log order, with the log's process table, format and skipped records
     * @throws LogFormatException when the stream is not a ProcMon log; reading on may throw it too,
     *                            with where
     */
    public static EventReader open(InputStream in, String name, ReadOptions options) {
        return new ReadAhead(LogReaders.open(in, name, options), new TextBudget(name, options.warnings()));
    }
}
