package org.pmtriage.read.xml;

/**
 * Finds, in the bytes of an eventlist, where the last complete {@code <event>} element ends, so
 * that the bytes before it can be parsed apart from the rest. It looks only at markup: text holds
 * no {@code <}, and comments, CDATA sections and processing instructions (which may) are stepped
 * over whole. It also counts lines, so each piece knows where it starts in the file.
 */
final class EventListSplitter {

    private static final long BANGS = ByteWords.repeated('!');
    private static final long QUESTION_MARKS = ByteWords.repeated('?');
    private static final long NEWLINES = ByteWords.repeated('\n');
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final byte[] EVENT_END = ascii("</event>");
    private static final byte[] EVENTLIST_END = ascii("</eventlist>");
    private static final byte[] COMMENT = ascii("<!--");
    private static final byte[] CDATA = ascii("<![CDATA[");
    private static final byte[] PI_END = ascii("?>");
    private static final byte[] COMMENT_END = ascii("-->");
    private static final byte[] CDATA_END = ascii("]]>");

    /** Offset just after the last {@code </event>} found, or -1. */
    int cut;
    /** Newlines before {@link #cut}. */
    int newlinesBeforeCut;
    /** Offset of the last newline before {@link #cut}, or -1. */
    int lastNewlineBeforeCut;
    /** Whether {@code </eventlist>} was found (after {@link #cut}): the rest is the document's tail. */
    boolean eventListEnds;

    /**
     * Scans {@code bytes[0, length)}, which starts at a boundary between events.
     *
     * @param bytes  eventlist bytes
     * @param length how many are valid
     */
    void scan(byte[] bytes, int length) {
        cut = -1;
        newlinesBeforeCut = 0;
        lastNewlineBeforeCut = -1;
        eventListEnds = false;
        if (!containsEither(bytes, length, BANGS, QUESTION_MARKS) && cutAtLastEventEnd(bytes, length)) {
            return;
        }
        int newlines = 0;
        int lastNewline = -1;
        int i = 0;
        while (i < length) {
            byte b = bytes[i];
            if (b == '\n') {
                newlines++;
                lastNewline = i;
                i++;
            } else if (b != '<') {
                i++;
            } else if (i + 1 >= length) {
                return;
            } else if (bytes[i + 1] == '/') {
                if (matches(bytes, length, i, EVENT_END)) {
                    i += EVENT_END.length;
                    cut = i;
                    newlinesBeforeCut = newlines;
                    lastNewlineBeforeCut = lastNewline;
                } else if (matches(bytes, length, i, EVENTLIST_END)) {
                    eventListEnds = true;
                    return;
                } else if (i + EVENTLIST_END.length > length) {
                    return;
                } else {
                    i += 2;
                }
            } else if (bytes[i + 1] != '?' && bytes[i + 1] != '!') {
                i++;
            } else {
                byte[] close = bytes[i + 1] == '?' ? PI_END : matches(bytes, length, i, COMMENT) ? COMMENT_END
                        : matches(bytes, length, i, CDATA) ? CDATA_END : null;
                if (close == null) {
                    if (i + CDATA.length > length) {
                        return;
                    }
                    i++;
                    continue;
                }
                int end = indexOf(bytes, length, i + 2, close);
                if (end < 0) {
                    return;
                }
                for (int k = i; k < end; k++) {
                    if (bytes[k] == '\n') {
                        newlines++;
                        lastNewline = k;
                    }
                }
                i = end + close.length;
            }
        }
    }

    /**
     * The common case, bytes with no comment, CDATA section or processing instruction (no {@code !}
     * or {@code ?} at all): the cut is after the last {@code </event>}, found from the end, and the
     * newlines before it are counted eight bytes at a time.
     *
     * @return false when there is no {@code </event>}, or the eventlist ends after the last one
     */
    private boolean cutAtLastEventEnd(byte[] bytes, int length) {
        int at = length - EVENT_END.length;
        while (at >= 0 && !matches(bytes, length, at, EVENT_END)) {
            if (matches(bytes, length, at, EVENTLIST_END)) {
                return false;
            }
            at--;
        }
        if (at < 0) {
            return false;
        }
        cut = at + EVENT_END.length;
        int newlines = 0;
        int i = 0;
        for (; i + 8 <= cut; i += 8) {
            long x = ByteWords.at(bytes, i) ^ NEWLINES;
            long zero = ~(((x & LOWS) + LOWS) | x | LOWS);
            newlines += Long.bitCount(zero);
        }
        for (; i < cut; i++) {
            if (bytes[i] == '\n') {
                newlines++;
            }
        }
        newlinesBeforeCut = newlines;
        int last = cut - 1;
        while (last >= 0 && bytes[last] != '\n') {
            last--;
        }
        lastNewlineBeforeCut = last;
        return true;
    }

    private static boolean containsEither(byte[] bytes, int length, long one, long other) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long x = ByteWords.at(bytes, i);
            if ((ByteWords.zeroBytes(x ^ one) | ByteWords.zeroBytes(x ^ other)) != 0) {
                return true;
            }
        }
        for (; i < length; i++) {
            if (bytes[i] == (byte) one || bytes[i] == (byte) other) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] bytes, int length, int at, byte[] pattern) {
        if (at + pattern.length > length) {
            return false;
        }
        for (int k = 0; k < pattern.length; k++) {
            if (bytes[at + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, int from, byte[] pattern) {
        for (int i = from; i + pattern.length <= length; i++) {
            if (matches(bytes, length, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
