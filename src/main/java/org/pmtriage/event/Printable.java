package org.pmtriage.event;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Text from a log made safe to show: control characters become {@code ?}, so that names and paths
 * from a hostile log cannot send escape sequences to the terminal (or the file viewer) that shows
 * a message or a report.
 */
public final class Printable {

    private Printable() {
    }

    /**
     * @param text any text, e.g. a path from a hostile log
     * @return the text with every control character (line ends too: a one-line message) replaced
     *         by {@code ?}; the same instance when it has none
     */
    public static String of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                text.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
                return out.toString();
            }
        }
        return text;
    }

    /**
     * @param out where the cleaned text goes
     * @return a writer that passes text on with every control character but tab and line ends
     *         replaced by {@code ?} (a report of many lines); closing it closes {@code out}
     */
    public static Writer writer(Writer out) {
        return new Lines(out);
    }

    private static char inLines(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r' ? '?' : c;
    }

    /** The writer of {@link #writer(Writer)}. */
    private static final class Lines extends FilterWriter {

        Lines(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(inLines((char) c));
        }

        @Override
        public void write(char[] text, int off, int len) throws IOException {
            char[] clean = new char[len];
            for (int i = 0; i < len; i++) {
                clean[i] = inLines(text[off + i]);
            }
            out.write(clean, 0, len);
        }

        @Override
        public void write(String text, int off, int len) throws IOException {
            write(text.toCharArray(), off, len);
        }
    }
}
