package org.pmtriage.read.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.pmtriage.read.internal.ByteWords;

/**
 * Bounds what a blocking StAX parser may hold in memory: Aalto's blocking parser assembles a whole
 * text node (or CDATA section, or attribute value) before handing it over, so a file with a 1 GB
 * {@code <Path>} would fill the heap. Such runs of bytes without markup are refused here as they
 * stream past: text cannot contain {@code <}, so the bytes since the last {@code <} (or since a
 * CDATA section opened) bound every value the parser can build. The search for {@code <} looks at
 * eight bytes at a time.
 */
final class TextRunGuard extends FilterInputStream {

    /** Thrown through the parser when a run is too long; the cursor turns it into a LogFormatException. */
    static final class TooLongException extends IOException {
        private static final long serialVersionUID = 1L;

        private final long limit;

        TooLongException(long limit) {
            super("an element's text (or CDATA section) is longer than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    private static final long LT = ByteWords.repeated('<');
    private static final long BANG = ByteWords.repeated('!');
    private static final byte[] CDATA_OPEN = "![CDATA[".getBytes(StandardCharsets.US_ASCII);

    private final long limit;
    private long run;
    private int openMatched = -1;
    private boolean inCdata;
    private int closeMatched;

    /**
     * @param in    the XML bytes
     * @param limit longest run of bytes without markup accepted
     */
    TextRunGuard(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            scan(new byte[] {(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            scan(buf, off, off + n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 1 << 16)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    private void scan(byte[] b, int from, int to) throws TooLongException {
        if (!inCdata && to - from <= limit && ByteWords.indexOf(b, from, to, BANG) < 0) {
            scanWithoutCdata(b, from, to);
            return;
        }
        int i = from;
        while (i < to) {
            if (inCdata) {
                byte c = b[i++];
                if (c == '>' && closeMatched == 2) {
                    inCdata = false;
                    run = 0;
                    continue;
                }
                closeMatched = c == ']' ? Math.min(closeMatched + 1, 2) : 0;
                if (++run > limit) {
                    throw new TooLongException(limit);
                }
                continue;
            }
            if (openMatched >= 0) {
                if (b[i] == CDATA_OPEN[openMatched]) {
                    i++;
                    if (++openMatched == CDATA_OPEN.length) {
                        inCdata = true;
                        closeMatched = 0;
                        run = 0;
                        openMatched = -1;
                    }
                    continue;
                }
                openMatched = -1;
            }
            int lt = ByteWords.indexOf(b, i, to, LT);
            run += (lt < 0 ? to : lt) - i;
            if (run > limit) {
                throw new TooLongException(limit);
            }
            if (lt < 0) {
                return;
            }
            run = 0;
            openMatched = 0;
            i = lt + 1;
        }
    }

    /**
     * The common case, bytes without a {@code !}: no CDATA section can open in them, so only the
     * run up to their first {@code <} and the run after their last one matter, and the search
     * need not stop at every tag. The bytes are no more than the limit, so no run lies inside them.
     */
    private void scanWithoutCdata(byte[] b, int from, int to) throws TooLongException {
        int first = ByteWords.indexOf(b, from, to, LT);
        if (first < 0) {
            run += to - from;
            openMatched = -1;
            if (run > limit) {
                throw new TooLongException(limit);
            }
            return;
        }
        if (run + first - from > limit) {
            throw new TooLongException(limit);
        }
        int last = to - 1;
        while (b[last] != '<') {
            last--;
        }
        run = to - 1 - last;
        openMatched = last == to - 1 ? 0 : -1;
    }
}
