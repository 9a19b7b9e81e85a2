package org.pmtriage.read.pml;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the UTF-16LE text of PML files. {@code new String(bytes, UTF_16LE)} builds a charset
 * decoder for every call; nearly all paths and names are Latin-1, which this copies directly.
 */
final class Utf16Text {

    private Utf16Text() {
    }

    /** @return the text of {@code length} bytes at {@code at}, exactly as {@code new String(..., UTF_16LE)} gives it */
    static String decode(byte[] b, int at, int length) {
        if ((length & 1) != 0) {
            return new String(b, at, length, StandardCharsets.UTF_16LE);
        }
        byte[] latin1 = new byte[length >> 1];
        for (int i = 0; i < latin1.length; i++) {
            if (b[at + 2 * i + 1] != 0) {
                return new String(b, at, length, StandardCharsets.UTF_16LE);
            }
            latin1[i] = b[at + 2 * i];
        }
        return new String(latin1, StandardCharsets.ISO_8859_1);
    }
}
