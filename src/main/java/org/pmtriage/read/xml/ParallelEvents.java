package org.pmtriage.read.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import org.pmtriage.read.Decoding;
import org.pmtriage.read.LogFormatException;

/**
 * Parses an eventlist on other threads: a splitter thread cuts the bytes after complete
 * {@code <event>} elements (see {@link EventListSplitter}) into pieces of about
 * {@code pieceBytes}, workers parse each piece straight from its bytes when it is in ProcMon's plain
 * form ({@link PlainEventCursor}), else with its own non-blocking Aalto parser (wrapped in
 * {@code <procmon><eventlist>}...), and {@link #next()} hands the results over in document order.
 * Positions stay those of the file. At most a few pieces are in flight, so memory stays bounded.
 */
final class ParallelEvents implements EventSource {

    /** Bytes per piece when none is given. */
    static final int PIECE_BYTES = 1 << 20;

    /** Bytes of the first piece; each next one is twice as large, up to the piece size. */
    private static final int FIRST_PIECE_BYTES = 32 * 1024;

    /** Largest single event accepted, in bytes: four times the text limit (UTF-8), plus markup. */
    static final int MAX_EVENT_BYTES = 4 * XmlEventReader.MAX_TEXT_CHARS + (1 << 20);

    private static final byte[] PREFIX = "<procmon><eventlist>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SUFFIX = "</eventlist></procmon>".getBytes(StandardCharsets.US_ASCII);

    /** A parsed piece: its events in order, then possibly the error that ended it. */
    private record Piece(List<ParsedEvent> events, LogFormatException error) {
    }

    private static final Piece END = new Piece(List.of(), null);

    private final String source;
    private final Decoding decoding;
    private final ExecutorService workers;
    private final BlockingQueue<Future<Piece>> pieces;
    /** Buffers whose pieces are parsed, for the splitter to fill again: no garbage per piece. */
    private final BlockingQueue<byte[]> spares;
    private final Thread splitter;
    private Iterator<ParsedEvent> current = List.<ParsedEvent>of().iterator();
    private LogFormatException currentError;
    private boolean ended;
    private volatile boolean closed;

    /**
     * @param start      the eventlist's bytes the first parser already read past {@code <eventlist>}
     * @param in         the rest of the input
     * @param source     the file name for messages
     * @param line       file line of {@code start[0]}
     * @param column     file column of {@code start[0]}
     * @param threads    parsing threads
     * @param pieceBytes bytes per piece
     * @param decoding   which texts to build
     */
    ParallelEvents(byte[] start, InputStream in, String source, int line, int column, int threads, int pieceBytes,
                   Decoding decoding) {
        this.source = source;
        this.decoding = decoding;
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "pmtriage-xml-parser");
            t.setDaemon(true);
            return t;
        });
        this.pieces = new ArrayBlockingQueue<>(2 * threads + 1);
        this.spares = new ArrayBlockingQueue<>(2 * threads + 3);
        this.splitter = new Thread(() -> split(start, in, line, column, pieceBytes), "pmtriage-xml-splitter");
        splitter.setDaemon(true);
        splitter.start();
    }

    @Override
    public ParsedEvent next() {
        while (!current.hasNext()) {
            if (currentError != null) {
                throw currentError;
            }
            if (ended) {
                return null;
            }
            Piece piece = take();
            if (piece == END) {
                ended = true;
                return null;
            }
            current = piece.events().iterator();
            currentError = piece.error();
        }
        return current.next();
    }

    private Piece take() {
        try {
            return pieces.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogFormatException(source, "", "interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LogFormatException f) {
                throw f;
            }
            throw new IllegalStateException("XML parser thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        closed = true;
        splitter.interrupt();
        workers.shutdownNow();
    }

    /** The splitter thread: reads, cuts and hands pieces to the workers, in order. */
    private void split(byte[] start, InputStream in, int line, int column, int pieceBytes) {
        try {
            byte[] buffer = spare(Math.max(pieceBytes, start.length) + (pieceBytes >> 2) + 1);
            System.arraycopy(start, 0, buffer, 0, start.length);
            int length = start.length;
            EventListSplitter splitter = new EventListSplitter();
            boolean eof = false;
            // small pieces first, so that the first events arrive while the code is still cold
            int target = Math.min(pieceBytes, FIRST_PIECE_BYTES);
            while (!closed) {
                while (!eof && length < target) {
                    if (length == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
                    }
                    int n = in.read(buffer, length, Math.min(buffer.length - length, Math.max(target - length, 1 << 13)));
                    if (n < 0) {
                        eof = true;
                    } else {
                        length += n;
                    }
                }
                splitter.scan(buffer, length);
                if (eof || splitter.eventListEnds && splitter.cut < 0) {
                    byte[] rest = java.util.Arrays.copyOf(buffer, length);
                    submit(rest, rest.length, eof ? rest.length : 0, line, column, true, in);
                    break;
                }
                if (splitter.cut < 0) {
                    if (target < pieceBytes) {
                        target = pieceBytes;
                        continue;
                    }
                    if (length >= MAX_EVENT_BYTES) {
                        pieces.put(CompletableFuture.failedFuture(new LogFormatException(source, line + ":" + column,
                                "an <event> element is longer than " + MAX_EVENT_BYTES + " bytes")));
                        break;
                    }
                    pieceBytes = Math.min(MAX_EVENT_BYTES, pieceBytes * 2);
                    target = pieceBytes;
                    if (buffer.length < pieceBytes) {
                        buffer = java.util.Arrays.copyOf(buffer, pieceBytes + 1);
                    }
                    continue;
                }
                target = Math.min(pieceBytes, target * 2);
                int pieceLine = line;
                int pieceColumn = column;
                line += splitter.newlinesBeforeCut;
                column = splitter.lastNewlineBeforeCut < 0 ? column + chars(buffer, 0, splitter.cut)
                        : 1 + chars(buffer, splitter.lastNewlineBeforeCut + 1, splitter.cut);
                // the piece keeps the buffer; what follows the cut moves to a spare one
                byte[] next = spare(buffer.length);
                System.arraycopy(buffer, splitter.cut, next, 0, length - splitter.cut);
                submit(buffer, splitter.cut, splitter.cut, pieceLine, pieceColumn, false, null);
                length -= splitter.cut;
                buffer = next;
            }
            pieces.put(CompletableFuture.completedFuture(END));
        } catch (InterruptedException | RejectedExecutionException e) {
            // closed while splitting: the reader has stopped reading
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            try {
                pieces.put(CompletableFuture.failedFuture(new LogFormatException(source, "", "cannot read: "
                        + e.getMessage(), e)));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * @param bytes  the piece, in {@code bytes[0, length)}; a piece that is not the last one is
     *               given back to the spares once parsed
     * @param known  how many of its bytes are all there is (the last piece's tail is followed by the
     *               rest of the input, streamed by its worker, when {@code in} is given)
     */
    private void submit(byte[] bytes, int length, int known, int line, int column, boolean last, InputStream in)
            throws InterruptedException {
        InputStream body = new ByteArrayInputStream(bytes, 0, length);
        if (last && in != null && known == 0) {
            body = new SequenceInputStream(body, in);
        }
        InputStream xml = new SequenceInputStream(new ByteArrayInputStream(PREFIX),
                last ? body : new SequenceInputStream(body, new ByteArrayInputStream(SUFFIX)));
        pieces.put(workers.submit(() -> {
            try {
                List<ParsedEvent> plain = last ? null : PlainEventCursor.events(bytes, length, decoding);
                return plain != null ? new Piece(plain, null) : parse(xml, line, column - PREFIX.length);
            } finally {
                if (!last) {
                    spares.offer(bytes);
                }
            }
        }));
    }

    /** @return a spare buffer of at least {@code size} bytes, or a new one */
    private byte[] spare(int size) {
        byte[] spare = spares.poll();
        return spare != null && spare.length >= size ? spare : new byte[size];
    }

    private Piece parse(InputStream xml, int line, int column) {
        XmlCursor cursor = XmlCursor.async(xml, source, XmlEventReader.MAX_TEXT_CHARS, line, column);
        List<ParsedEvent> events = new ArrayList<>();
        try {
            for (int opened = 0; opened < 2; ) {
                if (cursor.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    opened++;
                }
            }
            SequentialEvents sequential = new SequentialEvents(cursor, decoding);
            ParsedEvent e;
            while ((e = sequential.next()) != null) {
                events.add(e);
            }
            return new Piece(events, null);
        } catch (LogFormatException e) {
            return new Piece(events, e);
        } finally {
            cursor.close();
        }
    }

    /** @return characters (UTF-8 sequences) in bytes[from, to) */
    private static int chars(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }
}
