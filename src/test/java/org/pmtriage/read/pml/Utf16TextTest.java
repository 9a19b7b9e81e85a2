package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf16TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "C:\\build\\gen\\parser_tab.cpp", "C:\\Users\\José\\ÿ", "C:\\Пользователи\\файл.txt",
        "D:\\ビルド\\出力.obj", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "ends in \uDC00"})
    void decodesAsTheJdkDoes(String text) {
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] framed = new byte[utf16.length + 6];
        System.arraycopy(utf16, 0, framed, 3, utf16.length);
        assertEquals(new String(framed, 3, utf16.length, StandardCharsets.UTF_16LE),
                Utf16Text.decode(framed, 3, utf16.length));
        assertEquals(new String(framed, 3, utf16.length + 1, StandardCharsets.UTF_16LE),
                Utf16Text.decode(framed, 3, utf16.length + 1), "odd length");
    }
}
