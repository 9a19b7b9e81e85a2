package org.pmtriage.read.xml;

/**
 * What comes before an XML document's root element, read from its first bytes before any parser
 * sees them: whether it has a document type declaration (ProcMon never writes one, and one is how
 * XXE and "billion laughs" inputs begin), and where the root starts.
 *
 * <p>The reader refuses a DOCTYPE here, with the same clear message whichever parser runs, and
 * names the root element's position from here, where blocking parsers place it badly.
 *
 * @param doctype   {@code line:column} of a {@code <!DOCTYPE}, or null when there is none
 * @param rootStart offset of the root element's {@code <}, or -1 when not within the examined bytes
 * @param rootLine  1-based line of the root element
 * @param rootColumn 1-based column of the root element
 */
record Prolog(String doctype, int rootStart, int rootLine, int rootColumn) {

    /** Bytes of the document examined; a longer prolog is left to the parser's own checks. */
    static final int EXAMINED = 1 << 14;

    /**
     * @param head   the first bytes of the document, after any byte-order mark
     * @param length how many bytes of head are valid
     * @return what the prolog holds
     */
    static Prolog scan(byte[] head, int length) {
        int i = 0;
        while (i < length) {
            byte b = head[i];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                i++;
            } else if (startsWith(head, length, i, "<?")) {
                i = after(head, length, i + 2, "?>");
            } else if (startsWith(head, length, i, "<!--")) {
                i = after(head, length, i + 4, "-->");
            } else if (startsWith(head, length, i, "<!DOCTYPE")) {
                return new Prolog(position(head, i, ":"), -1, 1, 1);
            } else if (b == '<') {
                String[] at = position(head, i, " ").split(" ");
                return new Prolog(null, i, Integer.parseInt(at[0]), Integer.parseInt(at[1]));
            } else {
                break;
            }
        }
        return new Prolog(null, -1, 1, 1);
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
        if (at + ascii.length() > length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (head[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static String position(byte[] head, int offset, String separator) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (head[i] == '\n' || head[i] == '\r' && (i + 1 >= offset || head[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return line + separator + (offset - lineStart + 1);
    }
}
