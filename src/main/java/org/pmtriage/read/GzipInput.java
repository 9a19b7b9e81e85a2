package org.pmtriage.read;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The uncompressed bytes of a {@code .gz} log whose end may be cut off or damaged (a half-copied
 * CI artifact). Under {@link BadRecordPolicy#SKIP} the input ends where the damage starts, with
 * one warning, so that the events before it are still analyzed; under
 * {@link BadRecordPolicy#FAIL} the damage is a {@link LogFormatException} with the byte offset
 * in the compressed file.
 */
final class GzipInput extends FilterInputStream {

    private final CountingInput compressed;
    private final String source;
    private final ReadOptions options;
    private boolean ended;

    private GzipInput(InputStream gunzipped, CountingInput compressed, String source, ReadOptions options) {
        super(gunzipped);
        this.compressed = compressed;
        this.source = source;
        this.options = options;
    }

    /**
     * @param raw     the compressed bytes, from the start of the file
     * @param source  the file name for messages
     * @param options the policy and the warnings sink
     * @return the uncompressed bytes
     * @throws LogFormatException when the file ends inside the gzip header
     * @throws IOException when the gzip header cannot be read
     */
    static InputStream open(InputStream raw, String source, ReadOptions options) throws IOException {
        CountingInput counting = new CountingInput(raw);
        try {
            return new GzipInput(new GZIPInputStream(counting, 1 << 16), counting, source, options);
        } catch (EOFException e) {
            throw new LogFormatException(source, "byte " + counting.count,
                    "the .gz file is truncated: it ends inside its gzip header", e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended) {
            return -1;
        }
        try {
            return super.read(b, off, len);
        } catch (EOFException e) {
            return damaged("the .gz file is truncated: its compressed data ends early", e);
        } catch (ZipException e) {
            return damaged("the .gz file is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private int damaged(String what, IOException cause) {
        String position = "byte " + compressed.count;
        if (options.policy() == BadRecordPolicy.FAIL) {
            throw new LogFormatException(source, position, what, cause);
        }
        ended = true;
        options.warnings().accept(source + ":" + position + ": " + what
                + "; reading stopped there, the report covers the events before it");
        return -1;
    }

    /** Counts the compressed bytes the decompressor has taken. */
    private static final class CountingInput extends FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
