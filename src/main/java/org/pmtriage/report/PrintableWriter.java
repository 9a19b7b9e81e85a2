package org.pmtriage.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text as a terminal should show it: control characters other than tab and line ends become
 * {@code ?}, so that names and paths from a hostile log cannot send escape sequences to the
 * terminal (or the file viewer) that shows a report.
 */
public final class PrintableWriter extends FilterWriter {

    /** @param out where the cleaned text goes */
    public PrintableWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        out.write(printable((char) c));
    }

    @Override
    public void write(char[] text, int off, int len) throws IOException {
        char[] clean = new char[len];
        for (int i = 0; i < len; i++) {
            clean[i] = printable(text[off + i]);
        }
        out.write(clean, 0, len);
    }

    @Override
    public void write(String text, int off, int len) throws IOException {
        write(text.toCharArray(), off, len);
    }

    private static char printable(char c) {
        boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
        return control ? '?' : c;
    }
}
