package org.pmtriage.read.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How a text export is encoded, told by its first bytes: a byte-order mark (UTF-8, UTF-16LE,
 * UTF-16BE) or, without one, the zero byte beside each ASCII character of UTF-16; UTF-8
 * otherwise. The one place where readers tell encodings apart.
 *
 * @param charset   the text's encoding
 * @param bomLength how many bytes of byte-order mark come before the text; 0 without one
 */
public record TextEncoding(Charset charset, int bomLength) {

    /**
     * @param head the first bytes of the input (four are enough)
     * @return the encoding they show
     */
    public static TextEncoding sniff(byte[] head) {
        if (head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (head.length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0);
        }
        if (head.length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0);
        }
        return new TextEncoding(StandardCharsets.UTF_8, 0);
    }

    /** @return whether the text is UTF-8 */
    public boolean isUtf8() {
        return charset.equals(StandardCharsets.UTF_8);
    }
}
