package org.pmtriage.read.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * The uncompressed bytes of a {@code .gz} log, member after member, whose end may be cut off or
 * damaged (a half-copied CI artifact) or followed by something that is not gzip. Under
 * {@link BadRecordPolicy#SKIP} the input ends where the damage starts, with one warning, so that
 * the events before it are still analyzed; under {@link BadRecordPolicy#FAIL} the damage is a
 * {@link LogFormatException}. Positions are byte offsets in the compressed file.
 *
 * <p>Written out rather than {@link java.util.zip.GZIPInputStream}, which drops whatever follows
 * the last member in silence and cannot say where a member ended. A member's header is read byte
 * by byte, so a name or comment of any length costs no memory.
 */
public final class GzipInput extends BlockInputStream {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int DEFLATE = 8;

    private final InputStream raw;
    private final String source;
    private final ReadOptions options;
    private final byte[] buf = new byte[1 << 16];
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private int pos;
    private int lim;
    /** The compressed offset of {@code buf[0]}. */
    private long base;
    private long memberSize;
    private boolean inflating;
    private boolean ended;

    private GzipInput(InputStream raw, String source, ReadOptions options) {
        this.raw = raw;
        this.source = source;
        this.options = options;
    }

    /**
     * @param raw     the compressed bytes, from the start of the file
     * @param source  the file name for messages
     * @param options the policy and the warnings sink
     * @return the uncompressed bytes
     * @throws LogFormatException when the file ends inside the first gzip header, or it is not one
     * @throws IOException when the file cannot be read
     */
    public static InputStream open(InputStream raw, String source, ReadOptions options) throws IOException {
        GzipInput in = new GzipInput(raw, source, options);
        try {
            in.expect(0x1f);
            in.expect(0x8b);
            in.header();
        } catch (EOFException e) {
            throw new LogFormatException(source, "byte " + in.offset(),
                    "the .gz file is truncated: it ends inside its gzip header", e);
        } catch (ZipException e) {
            throw new LogFormatException(source, "byte " + in.offset(), "the .gz file is corrupt (" + e.getMessage() + ")", e);
        }
        return in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (ended || len == 0) {
            return ended ? -1 : 0;
        }
        try {
            while (true) {
                int n = inflater.inflate(b, off, len);
                if (n > 0) {
                    crc.update(b, off, n);
                    memberSize += n;
                    return n;
                }
                if (inflater.finished()) {
                    if (!nextMember()) {
                        ended = true;
                        return -1;
                    }
                } else if (inflater.needsDictionary()) {
                    throw new ZipException("a preset dictionary, which gzip never uses");
                } else if (inflater.needsInput()) {
                    if (!fill()) {
                        throw new EOFException();
                    }
                    inflater.setInput(buf, pos, lim - pos);
                    pos = lim;
                }
            }
        } catch (EOFException e) {
            return damaged("the .gz file is truncated: its compressed data ends early", e);
        } catch (ZipException e) {
            return damaged("the .gz file is corrupt (" + e.getMessage() + ")", e);
        } catch (DataFormatException e) {
            return damaged("the .gz file is corrupt (" + e.getMessage() + ")", new ZipException(e.getMessage()));
        }
    }

    /**
     * Checks the member's trailer and starts the next member.
     *
     * @return false at the end of the input, or (lenient) at data that is not another member
     */
    private boolean nextMember() throws IOException {
        pos = lim - inflater.getRemaining();
        inflating = false;
        long check = le32();
        long size = le32();
        if (check != crc.getValue()) {
            throw new ZipException("its CRC does not match the data");
        }
        if (size != (memberSize & 0xffffffffL)) {
            throw new ZipException("its size does not match the data");
        }
        if (pos == lim && !fill()) {
            return false;
        }
        long at = offset();
        if (readByte() != 0x1f || pos == lim && !fill() || readByte() != 0x8b) {
            if (options.policy() == BadRecordPolicy.FAIL) {
                throw new LogFormatException(source, "byte " + at, "data after the last gzip member is not gzip data");
            }
            options.warnings().accept(source + ":byte " + at + ": data after the last gzip member is not gzip data;"
                    + " it is ignored, the report covers the events before it");
            return false;
        }
        header();
        return true;
    }

    /** Reads a member's header after its two signature bytes. */
    private void header() throws IOException {
        int method = readByte();
        if (method != DEFLATE) {
            throw new ZipException("compression method " + method + ", not deflate");
        }
        int flags = readByte();
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(readByte() | readByte() << 8);
        }
        if ((flags & FNAME) != 0) {
            while (readByte() != 0) {
                // the original file name: not needed
            }
        }
        if ((flags & FCOMMENT) != 0) {
            while (readByte() != 0) {
                // a comment: not needed
            }
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        inflater.reset();
        crc.reset();
        memberSize = 0;
        inflating = true;
    }

    private void expect(int value) throws IOException {
        if (readByte() != value) {
            throw new ZipException("not in gzip format");
        }
    }

    private long le32() throws IOException {
        return (readByte() | readByte() << 8 | readByte() << 16 | (long) readByte() << 24) & 0xffffffffL;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            readByte();
        }
    }

    private int readByte() throws IOException {
        if (pos == lim && !fill()) {
            throw new EOFException();
        }
        return buf[pos++] & 0xff;
    }

    /** @return false at the end of the input; else {@code buf} holds unread bytes */
    private boolean fill() throws IOException {
        if (pos < lim) {
            return true;
        }
        base += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = raw.read(buf, 0, buf.length);
        } while (n == 0);
        lim = Math.max(n, 0);
        return n > 0;
    }

    /** @return the compressed offset of the next byte not yet taken by the header, trailer or decompressor */
    private long offset() {
        return base + pos - (inflating ? inflater.getRemaining() : 0);
    }

    private int damaged(String what, IOException cause) {
        String position = "byte " + offset();
        if (options.policy() == BadRecordPolicy.FAIL) {
            throw new LogFormatException(source, position, what, cause);
        }
        ended = true;
        options.warnings().accept(source + ":" + position + ": " + what
                + "; reading stopped there, the report covers the events before it");
        return -1;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        raw.close();
    }
}
