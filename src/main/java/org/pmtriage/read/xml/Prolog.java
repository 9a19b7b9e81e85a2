package org.pmtriage.read.xml;

import java.nio.charset.StandardCharsets;

/**
 * Looks at the start of an XML document, before any parser does, for a document type declaration:
 * ProcMon never writes one, and one is how XXE and "billion laughs" inputs begin. Refusing it
 * here gives the same clear message whichever parser runs (Aalto's non-blocking parser would
 * otherwise fail on the internal subset with a puzzling one).
 */
final class Prolog {

    /** Bytes of the document examined; a prolog longer than this is left to the parser's own check. */
    static final int EXAMINED = 1 << 14;

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private Prolog() {
    }

    /**
     * @param head   the first bytes of the document, after any byte-order mark
     * @param length how many bytes of head are valid
     * @return {@code line:column} of a {@code <!DOCTYPE} in the prolog, or null when there is none
     */
    static String doctypePosition(byte[] head, int length) {
        int i = 0;
        while (i < length) {
            byte b = head[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                i++;
            } else if (startsWith(head, length, i, "<?")) {
                i = after(head, length, i + 2, "?>");
            } else if (startsWith(head, length, i, "<!--")) {
                i = after(head, length, i + 4, "-->");
            } else if (startsWith(head, length, i, DOCTYPE)) {
                return position(head, i);
            } else {
                return null;
            }
        }
        return null;
    }

    private static int after(byte[] head, int length, int from, String end) {
        for (int i = from; i + end.length() <= length; i++) {
            if (startsWith(head, length, i, end)) {
                return i + end.length();
            }
        }
        return length;
    }

    private static boolean startsWith(byte[] head, int length, int at, String ascii) {
        return startsWith(head, length, at, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] head, int length, int at, byte[] prefix) {
        if (at + prefix.length > length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (head[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static String position(byte[] head, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (head[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (offset - lineStart + 1);
    }
}
