package org.pmtriage.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counts the characters read through it, for progress reports. */
final class CountingReader extends FilterReader {

    private long chars;

    CountingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            chars++;
        }
        return c;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            chars += n;
        }
        return n;
    }

    long chars() {
        return chars;
    }
}
