package org.pmtriage.read.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ByteWordsTest {

    private static final long QUOTES = ByteWords.repeated('"');
    private static final long NEWLINES = ByteWords.repeated('\n');

    @Test
    void indexOfEitherFindsTheFirstOfTheTwoBytesWhereAPlainLoopDoes() {
        Random random = new Random(16);
        byte[] alphabet = {'a', '"', '\n', '#', '\u000b', ',', (byte) 0xc3};
        for (int n = 0; n < 2000; n++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) 'x';
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertEquals(plainIndexOf(b, from, to), ByteWords.indexOfEither(b, from, to, QUOTES, NEWLINES),
                    new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + " [" + from + ", " + to + ")");
        }
    }

    private static int plainIndexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '"' || b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
