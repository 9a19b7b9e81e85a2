package org.pmtriage.read.pml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.pmtriage.read.internal.InternedStrings;

/**
 * Event paths, one {@code String} per distinct path met lately: a build touches the same files
 * again and again, and decoding each event's path anew costs the reader an allocation and the
 * analysis a hash and a comparison of fresh text per event, where a path met before is found by
 * identity with its hash already known. A path not remembered, or longer than {@link #MAX_BYTES},
 * is decoded again.
 */
final class PathTexts {

    /** Longer paths are decoded every time: the bytes kept per slot stay bounded. */
    static final int MAX_BYTES = 520;
    private static final int SLOT_BITS = 12;

    private final InternedStrings oneByte = new InternedStrings(SLOT_BITS, MAX_BYTES,
            (b, from, length) -> new String(b, from, length, StandardCharsets.ISO_8859_1));
    private final InternedStrings utf16 = new InternedStrings(SLOT_BITS, MAX_BYTES, Utf16Text::decode);

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
        return (oneByteChars ? oneByte : utf16).get(a, at, at + length);
    }
}
