package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PathTextsTest {

    private final PathTexts paths = new PathTexts();

    /** @return a buffer holding {@code text} at index {@code at}, after other bytes */
    private static ByteBuffer at(int at, byte[] text) {
        ByteBuffer b = ByteBuffer.allocate(at + text.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < at; i++) {
            b.put(i, (byte) (i * 7));
        }
        b.put(at, text);
        return b;
    }

    private String read(int at, String text, boolean oneByte) {
        byte[] bytes = text.getBytes(oneByte ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
        return paths.text(at(at, bytes), at, bytes.length, oneByte);
    }

    @Test
    void aPathMetAgainIsTheSameInstanceWhereverItsBytesLie() {
        String first = read(3, "C:\\Build\\obj\\parser.obj", false);
        assertEquals("C:\\Build\\obj\\parser.obj", first);
        assertSame(first, read(40, "C:\\Build\\obj\\parser.obj", false));
    }

    @Test
    void textsOfEveryLengthAndBothEncodingsAreDecodedAsTheReaderDecodesThem() {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < 300; n++) {
            String text = sb.toString();
            assertEquals(text, read(n % 11, text, false));
            assertEquals(text, read(n % 5, text, true));
            assertEquals(text, read(n % 11, text, false), "met again");
            sb.append((char) ('a' + n % 26));
        }
        assertEquals("C:\\Users\\J\u00fcrgen\\\u65e5\u672c.txt", read(1, "C:\\Users\\J\u00fcrgen\\\u65e5\u672c.txt", false));
    }

    @Test
    void theSameBytesReadAsOtherCharactersAreAnotherText() {
        byte[] bytes = "AB".getBytes(StandardCharsets.ISO_8859_1);
        String oneByte = paths.text(at(0, bytes), 0, 2, true);
        String utf16 = paths.text(at(0, bytes), 0, 2, false);
        assertEquals("AB", oneByte);
        assertEquals(new String(bytes, StandardCharsets.UTF_16LE), utf16);
    }

    @Test
    void pathsThatDifferOnlyInTheMiddleStayApart() {
        String a = read(0, "C:\\Program Files\\Tool Kit\\dir1\\sub\\common\\file.obj", false);
        String b = read(0, "C:\\Program Files\\Tool Kit\\dir2\\sub\\common\\file.obj", false);
        assertEquals("C:\\Program Files\\Tool Kit\\dir2\\sub\\common\\file.obj", b);
        assertEquals("C:\\Program Files\\Tool Kit\\dir1\\sub\\common\\file.obj", read(0,
                "C:\\Program Files\\Tool Kit\\dir1\\sub\\common\\file.obj", false));
        assertNotSame(a, b);
    }

    @Test
    void aPathLongerThanRememberedIsDecodedEachTime() {
        String text = "C:\\" + "x".repeat(PathTexts.MAX_BYTES);
        String first = read(0, text, false);
        assertEquals(text, first);
        assertNotSame(first, read(0, text, false));
    }
}
