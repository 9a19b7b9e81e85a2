package org.pmtriage.read.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings for repeated byte values, so that a value seen a million times is decoded once: a table
 * addressed by a hash of the bytes taken eight at a time, one value a slot (a newer value replaces
 * an older one of the same slot). Memory is bounded by the slots and the longest value kept.
 */
public final class InternedStrings {

    /** Decodes {@code length} bytes from {@code from}: the table's one encoding. */
    @FunctionalInterface
    public interface Decoder {
        /** @return the text of {@code b[from, from + length)} */
        String decode(byte[] b, int from, int length);
    }

    /** UTF-8. */
    public static final Decoder UTF_8 = (b, from, length) -> new String(b, from, length, StandardCharsets.UTF_8);

    private static final long MIX = 0x9E3779B97F4A7C15L;

    private final int maxLength;
    private final int shift;
    private final long[] hashes;
    private final byte[][] keys;
    private final String[] values;
    private final Decoder decoder;

    /**
     * @param slotBits  log2 of the number of slots
     * @param maxLength the longest value, in bytes, the caller may ask for
     * @param decoder   the values' encoding
     */
    public InternedStrings(int slotBits, int maxLength, Decoder decoder) {
        this.decoder = decoder;
        this.maxLength = maxLength;
        this.shift = 64 - slotBits;
        this.hashes = new long[1 << slotBits];
        this.keys = new byte[1 << slotBits][];
        this.values = new String[1 << slotBits];
    }

    /** @return the longest value, in bytes, {@link #get} takes */
    public int maxLength() {
        return maxLength;
    }

    /** @return {@code b[from, to)} decoded, the same instance as last time for the same bytes when it is still kept */
    public String get(byte[] b, int from, int to) {
        long h = hash(b, from, to);
        int slot = (int) (h >>> shift);
        byte[] key = keys[slot];
        if (key != null && hashes[slot] == h && Arrays.equals(key, 0, key.length, b, from, to)) {
            return values[slot];
        }
        String value = decoder.decode(b, from, to - from);
        hashes[slot] = h;
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = value;
        return value;
    }

    private static long hash(byte[] b, int from, int to) {
        long h = to - from;
        int p = from;
        for (; p + 8 <= to; p += 8) {
            h = (h ^ ByteWords.at(b, p)) * MIX;
        }
        if (p < to) {
            h = (h ^ tail(b, from, p, to)) * MIX;
        }
        return h ^ h >>> 32;
    }

    /** @return the last bytes of {@code b[from, to)} from {@code p} on (fewer than eight), as one word */
    private static long tail(byte[] b, int from, int p, int to) {
        if (to - from >= 8) {
            return ByteWords.at(b, to - 8);
        }
        if (p + 8 <= b.length) {
            return ByteWords.at(b, p) & -1L >>> 64 - 8 * (to - p);
        }
        long word = 0;
        for (int k = to - 1; k >= p; k--) {
            word = word << 8 | b[k] & 0xff;
        }
        return word;
    }
}
