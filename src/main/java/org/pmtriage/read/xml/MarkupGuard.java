package org.pmtriage.read.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds the markup a parser may assemble outside the events: any one tag with its attributes
 * (so element names and attribute values too), comment, processing instruction or declaration,
 * before and in {@code <procmon>} and its {@code <processlist>}, at most {@code limit} bytes. A
 * parser builds each of these whole, so a 300 MB attribute on {@code <procmon>} or a 3 GB comment
 * before it would fill the heap; ProcMon writes none longer than a few hundred bytes. Text runs
 * are bounded by the cursor's text limit ({@link TextRunGuard} for the blocking parser). The
 * eventlist has guards of its own: {@link #stop()} hands it over at no further cost.
 */
final class MarkupGuard extends FilterInputStream {

    /** Thrown through the parser when a construct is too long; the cursor turns it into a LogFormatException. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        private final long start;

        TooLongException(String what, long limit, long start) {
            super("the XML has " + what + " longer than " + limit + " bytes outside the events;"
                    + " ProcMon writes none that long");
            this.start = start;
        }

        /** @return the byte offset of the construct's {@code <} */
        long start() {
            return start;
        }
    }

    private enum State { TEXT, OPENED, BANG, BANG_DASH, TAG, QUOTED, COMMENT, INSTRUCTION, CDATA, DECLARATION }

    private final long limit;
    private State state = State.TEXT;
    private byte quote;
    private byte previous;
    private byte beforePrevious;
    private long run;
    private long offset;
    private long start;
    private boolean stopped;

    /**
     * @param in    the XML bytes
     * @param limit the longest tag, comment, instruction or declaration accepted, in bytes
     */
    MarkupGuard(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** From here on the bytes pass unexamined. */
    void stop() {
        stopped = true;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0 && !stopped) {
            scan((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (!stopped) {
            for (int i = off; i < off + n; i++) {
                scan(buf[i]);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 1 << 16)];
        return Math.max(read(skipped, 0, skipped.length), 0);
    }

    private void scan(byte b) throws TooLongException {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    enter(State.OPENED);
                }
            }
            case OPENED -> state = b == '!' ? State.BANG : b == '?' ? State.INSTRUCTION : tag(b);
            case BANG -> state = b == '-' ? State.BANG_DASH : b == '[' ? State.CDATA : State.DECLARATION;
            case BANG_DASH -> state = b == '-' ? State.COMMENT : State.DECLARATION;
            case TAG -> state = tag(b);
            case QUOTED -> {
                if (b == quote) {
                    state = State.TAG;
                }
            }
            case COMMENT -> endsWith(b, '-', '-');
            case INSTRUCTION -> {
                if (b == '>' && previous == '?') {
                    state = State.TEXT;
                }
            }
            case CDATA -> endsWith(b, ']', ']');
            case DECLARATION -> {
                if (b == '>') {
                    state = State.TEXT;
                }
            }
        }
        if (state != State.TEXT && ++run > limit) {
            throw new TooLongException(describe(), limit, start);
        }
        offset++;
        beforePrevious = previous;
        previous = b;
    }

    private State tag(byte b) {
        if (b == '>') {
            return State.TEXT;
        }
        if (b == '"' || b == '\'') {
            quote = b;
            return State.QUOTED;
        }
        return State.TAG;
    }

    /** Ends the construct at a {@code >} that follows {@code first} and {@code second}. */
    private void endsWith(byte b, char second, int first) {
        if (b == '>' && previous == second && beforePrevious == first) {
            state = State.TEXT;
        }
    }

    private void enter(State s) {
        state = s;
        run = 0;
        start = offset;
    }

    private String describe() {
        return switch (state) {
            case COMMENT -> "a comment";
            case INSTRUCTION -> "a processing instruction";
            case CDATA -> "a CDATA section";
            case DECLARATION, BANG, BANG_DASH -> "a declaration";
            default -> "a tag (its name with its attributes)";
        };
    }
}
