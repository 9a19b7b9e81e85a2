package org.pmtriage.read.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Looking at bytes eight at a time: one {@code long} word of a byte array, and the bytes in it that match. */
public final class ByteWords {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteWords() {
    }

    /** @return {@code b[i, i + 8)} as a word, {@code b[i]} in its lowest byte */
    public static long at(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** @return the byte {@code c} in all eight bytes of a word */
    public static long repeated(char c) {
        return c * ONES;
    }

    /**
     * @return a word with the high bit set in the lowest zero byte of {@code x} (and maybe in higher
     *         bytes), or 0 when no byte is zero
     */
    public static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** @return the index of the first byte in {@code b[from, to)} equal to the byte repeated in {@code pattern}, or -1 */
    public static int indexOf(byte[] b, int from, int to, long pattern) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long found = zeroBytes(at(b, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        byte one = (byte) pattern;
        for (; i < to; i++) {
            if (b[i] == one) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @return the index of the first byte in {@code b[from, to)} equal to the byte repeated in
     *         {@code pattern} or to the one repeated in {@code other}, or -1
     */
    public static int indexOfEither(byte[] b, int from, int to, long pattern, long other) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = at(b, i);
            long found = zeroBytes(word ^ pattern) | zeroBytes(word ^ other);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        byte one = (byte) pattern;
        byte two = (byte) other;
        for (; i < to; i++) {
            if (b[i] == one || b[i] == two) {
                return i;
            }
        }
        return -1;
    }
}
