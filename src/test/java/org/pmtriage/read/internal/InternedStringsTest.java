package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class InternedStringsTest {

    @Test
    void theSameBytesAnywhereGiveTheSameInstance() {
        InternedStrings names = new InternedStrings(10, 64, InternedStrings.UTF_8);
        byte[] b = "\"cl.exe\",\"cl.exe\"\r\n\"cl.exe".getBytes(StandardCharsets.UTF_8);
        String first = names.get(b, 1, 7);
        assertEquals("cl.exe", first);
        assertSame(first, names.get(b, 10, 16));
        assertSame(first, names.get(b, b.length - 6, b.length));
    }

    @Test
    void valuesThatDifferInOneByteStayApart() {
        InternedStrings names = new InternedStrings(4, 64, InternedStrings.UTF_8);
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                byte[] b = ("," + "x".repeat(length) + ",").getBytes(StandardCharsets.UTF_8);
                String same = names.get(b, 1, 1 + length);
                b[1 + at] = 'y';
                String other = names.get(b, 1, 1 + length);
                assertEquals(new String(b, 1, length, StandardCharsets.UTF_8), other);
                assertEquals("x".repeat(length), same);
                assertNotSame(same, other);
            }
        }
    }

    @Test
    void decodesUtf8AndTheLastBytesOfTheArray() {
        InternedStrings names = new InternedStrings(10, 64, InternedStrings.UTF_8);
        byte[] b = "Überprüfung.exe".getBytes(StandardCharsets.UTF_8);
        assertEquals("Überprüfung.exe", names.get(b, 0, b.length));
        assertEquals("ung.exe", names.get(b, b.length - 7, b.length));
        assertEquals("", names.get(b, b.length, b.length));
    }
}
