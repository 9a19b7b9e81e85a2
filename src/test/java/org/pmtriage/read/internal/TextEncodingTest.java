package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextEncodingTest {

    @Test
    void byteOrderMarksNameTheEncodingAndTheirLength() {
        assertEquals(new TextEncoding(StandardCharsets.UTF_8, 3), sniff(0xEF, 0xBB, 0xBF, '<'));
        assertEquals(new TextEncoding(StandardCharsets.UTF_16LE, 2), sniff(0xFF, 0xFE, '<', 0));
        assertEquals(new TextEncoding(StandardCharsets.UTF_16BE, 2), sniff(0xFE, 0xFF, 0, '<'));
    }

    @Test
    void withoutAMarkZeroBytesBesideAsciiTellUtf16() {
        assertEquals(new TextEncoding(StandardCharsets.UTF_16LE, 0), sniff('"', 0, 'T', 0));
        assertEquals(new TextEncoding(StandardCharsets.UTF_16BE, 0), sniff(0, '"', 0, 'T'));
    }

    @Test
    void anythingElseIsUtf8() {
        assertEquals(new TextEncoding(StandardCharsets.UTF_8, 0), sniff('"', 'T', 'i', 'm'));
        assertEquals(new TextEncoding(StandardCharsets.UTF_8, 0), sniff('<', 0));
        assertEquals(new TextEncoding(StandardCharsets.UTF_8, 0), sniff());
    }

    private static TextEncoding sniff(int... bytes) {
        byte[] head = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = (byte) bytes[i];
        }
        return TextEncoding.sniff(head);
    }
}
