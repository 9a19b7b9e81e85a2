package org.pmtriage.read.pml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A sliding window over a file read with positional {@link FileChannel} reads, so files of any
 * size are read with one fixed buffer (not one mapping of the whole file). Callers ask for a byte
 * range and get the buffer index where it starts; the range must lie within the file.
 */
final class PmlWindow {

    static final int DEFAULT_CAPACITY = 4 << 20;

    private final FileChannel channel;
    private ByteBuffer buf;
    private long start;
    private int valid;

    PmlWindow(FileChannel channel, int capacity) {
        this.channel = channel;
        this.buf = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return the buffer, valid until the next call to {@link #at} */
    ByteBuffer buffer() {
        return buf;
    }

    /** @return the backing array of {@link #buffer()} */
    byte[] array() {
        return buf.array();
    }

    /**
     * Makes {@code [position, position + length)} available.
     *
     * @return the index in {@link #buffer()} of {@code position}
     * @throws IOException when the file ends before the range does (the caller checked the range
     *                     against the file's structure, so this means the file shrank)
     */
    int at(long position, int length) throws IOException {
        if (position >= start && position + length <= start + valid) {
            return (int) (position - start);
        }
        if (length > buf.capacity()) {
            buf = ByteBuffer.allocate(Math.max(length, buf.capacity() * 2)).order(ByteOrder.LITTLE_ENDIAN);
            valid = 0;
        }
        if (position >= start && position < start + valid) {
            int keep = (int) (start + valid - position);
            System.arraycopy(buf.array(), (int) (position - start), buf.array(), 0, keep);
            valid = keep;
        } else {
            valid = 0;
        }
        start = position;
        buf.clear().position(valid);
        while (valid < length) {
            int n = channel.read(buf, start + valid);
            if (n < 0) {
                throw new IOException("file ended at 0x" + Long.toHexString(start + valid) + " (it was truncated while being read)");
            }
            valid += n;
        }
        return 0;
    }
}
