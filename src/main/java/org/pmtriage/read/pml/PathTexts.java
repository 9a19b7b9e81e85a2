package org.pmtriage.read.pml;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Event paths, one {@code String} per distinct path met lately: a build touches the same files
 * again and again, and decoding each event's path anew costs the reader an allocation and the
 * analysis a hash and a comparison of fresh text per event, where a path met before is found by
 * identity with its hash already known. Direct-mapped by a hash of the path's bytes; a path not
 * remembered, or longer than {@link #MAX_BYTES}, is decoded again.
 */
final class PathTexts {

    /** Paths remembered; a power of two. */
    private static final int SLOTS = 4096;
    /** Longer paths are decoded every time: the bytes kept per slot stay bounded. */
    static final int MAX_BYTES = 520;

    /** Per slot: the path's bytes as the file holds them, or null. */
    private final byte[][] bytes = new byte[SLOTS][];
    /** Per slot: whether those bytes are one byte per character (else UTF-16LE). */
    private final boolean[] oneByte = new boolean[SLOTS];
    private final String[] texts = new String[SLOTS];

    /**
     * @param b       the buffer holding the path (its array starts at index 0)
     * @param at      index of the path's first byte
     * @param length  its length in bytes, within the buffer
     * @param oneByteChars whether it has one byte per character (else UTF-16LE)
     * @return the path's text, the same instance as for the last event with the same path when it is still remembered
     */
    String text(ByteBuffer b, int at, int length, boolean oneByteChars) {
        byte[] a = b.array();
        if (length > MAX_BYTES) {
            return PmlEventDecoder.text(a, at, length, oneByteChars);
        }
        int slot = slot(b, at, length, oneByteChars);
        byte[] seen = bytes[slot];
        if (seen != null && seen.length == length && oneByte[slot] == oneByteChars
                && Arrays.equals(seen, 0, length, a, at, at + length)) {
            return texts[slot];
        }
        String text = PmlEventDecoder.text(a, at, length, oneByteChars);
        bytes[slot] = Arrays.copyOfRange(a, at, at + length);
        oneByte[slot] = oneByteChars;
        texts[slot] = text;
        return text;
    }

    /**
     * A hash of every byte, read eight at a time ({@link String#hashCode} takes one multiply per
     * character): a hash of a few words only would give paths that differ elsewhere one slot.
     */
    private static int slot(ByteBuffer b, int at, int length, boolean oneByteChars) {
        long h = oneByteChars ? length : ~length;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = Long.rotateLeft((h ^ b.getLong(at + i)) * 0x9E3779B97F4A7C15L, 31);
        }
        for (; i < length; i++) {
            h = (h ^ b.get(at + i)) * 0x9E3779B97F4A7C15L;
        }
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h >>> 52) & (SLOTS - 1);
    }
}
