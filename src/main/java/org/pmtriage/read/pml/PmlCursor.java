package org.pmtriage.read.pml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.pmtriage.read.pml.PmlEventDecoder.BadEvent;

/**
 * Reads the fields of one detail or extra-detail blob in order, each read checked against the
 * blob's end: a field past it throws {@link BadEvent}.
 */
final class PmlCursor {

    private final ByteBuffer b;
    private int at;
    private final int end;

    PmlCursor(ByteBuffer b, int at, int end) {
        this.b = b;
        this.at = at;
        this.end = end;
    }

    /** @return the buffer the positions index */
    ByteBuffer buffer() {
        return b;
    }

    /** @return the bytes the positions index */
    byte[] array() {
        return b.array();
    }

    /** @return bytes left before the end */
    int left() {
        return end - at;
    }

    /** @return the position, an index in the buffer */
    int position() {
        return at;
    }

    PmlCursor skip(int bytes) {
        need(bytes);
        at += bytes;
        return this;
    }

    int u8() {
        need(1);
        return b.get(at++) & 0xff;
    }

    int u16() {
        need(2);
        int v = b.getShort(at) & 0xffff;
        at += 2;
        return v;
    }

    int i32() {
        need(4);
        int v = b.getInt(at);
        at += 4;
        return v;
    }

    long u32() {
        return Integer.toUnsignedLong(i32());
    }

    long i64() {
        need(8);
        long v = b.getLong(at);
        at += 8;
        return v;
    }

    /** @return a pointer-sized unsigned value */
    long pointer(int size) {
        return size == 8 ? i64() : u32();
    }

    /** @return {@code bytes} bytes of UTF-16LE text, cut at the first NUL */
    String utf16(int bytes) {
        need(bytes);
        int stop = at;
        while (stop + 1 < at + bytes && b.getChar(stop) != 0) {
            stop += 2;
        }
        String s = Utf16Text.decode(b.array(), at, stop - at);
        at += bytes;
        return s;
    }

    /** @return a detail string described by a string-info word (bit 15: one byte per char) */
    String text(int info) {
        int chars = info & 0x7fff;
        if ((info & 0x8000) != 0) {
            need(chars);
            String s = new String(b.array(), at, chars, StandardCharsets.ISO_8859_1);
            at += chars;
            return s;
        }
        need(chars * 2);
        String s = Utf16Text.decode(b.array(), at, chars * 2);
        at += chars * 2;
        return s;
    }

    /** @return the bytes up to {@code count}, as upper-case hex pairs joined by {@code separator} */
    String hex(int count, String separator) {
        need(count);
        StringBuilder sb = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            int v = b.get(at + i) & 0xff;
            sb.append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(v & 15, 16)));
        }
        at += count;
        return sb.toString();
    }

    private void need(int bytes) {
        if (bytes < 0 || at + (long) bytes > end) {
            throw new BadEvent("a detail field runs " + (at + (long) bytes - end) + " bytes past its blob's end");
        }
    }
}
