package org.pmtriage.read.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.pmtriage.read.internal.ByteWords;
import org.pmtriage.read.internal.InternedStrings;
import org.pmtriage.read.internal.TimeOfDay;

/**
 * Splits UTF-8 CSV bytes into records and fields (RFC 4180: quoted fields may hold commas,
 * doubled quotes, CR and LF; records end in CRLF, LF or a bare CR) without decoding them: a field
 * becomes a String only when asked for, so columns nobody reads cost one scan for the closing
 * quote. The current record's bytes stay in the buffer until the next call to {@link #next()}.
 * A record that cannot be split (too long, or cut off inside a quoted field) is still a record,
 * with no fields and a reason in {@link #unreadable()}, so that the caller's policy decides.
 */
final class CsvScanner implements Closeable {

    private static final int INITIAL_BUFFER = 1 << 20;
    private static final int MAX_FIELDS = 1024;

    private static final int UNTERMINATED = -2;
    private static final long QUOTES = ByteWords.repeated('"');
    private static final long NEWLINES = ByteWords.repeated('\n');

    private final InputStream in;
    private final int maxRecordBytes;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int limit;
    private int pos;
    private boolean eof;
    private long consumed;
    private long line = 1;
    private long recordLine;
    private int fields;
    private String unreadable;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] escaped = new boolean[32];
    /** Short values that repeat on many rows: names, operations, results. */
    private final InternedStrings names = new InternedStrings(14, 64, InternedStrings.UTF_8);
    /** Paths up to MAX_PATH bytes: a file is opened, read and closed on rows close together. */
    private final InternedStrings paths = new InternedStrings(12, 260, InternedStrings.UTF_8);
    private final AsciiView ascii = new AsciiView();

    /**
     * @param in             the CSV bytes, UTF-8, byte-order mark removed
     * @param maxRecordBytes largest record kept; a larger one is skipped, not an OOM
     */
    CsvScanner(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Moves to the next record.
     *
     * @return false at the end of the input
     * @throws IOException when reading fails
     */
    boolean next() throws IOException {
        unreadable = null;
        while (true) {
            if (pos >= limit && !fill(pos)) {
                return false;
            }
            int start = pos;
            long startLine = line;
            int result = scanRecord(start);
            recordLine = startLine;
            if (result >= 0) {
                consumed += result - start;
                pos = result;
                return true;
            }
            line = startLine;
            if (result == UNTERMINATED) {
                consumed += limit - start;
                pos = limit;
                fields = 0;
                unreadable = "the file ends inside a quoted field that starts on this line (unterminated quote)";
                return true;
            }
            if (limit - start >= maxRecordBytes) {
                skipRecord(start);
                fields = 0;
                unreadable = "record is longer than " + maxRecordBytes / (1024 * 1024)
                        + " MiB (a runaway quote or a huge field)";
                return true;
            }
            fill(start);
        }
    }

    /** @return why the current record could not be split into fields, or null when it could */
    String unreadable() {
        return unreadable;
    }

    /** @return the number of fields of the current record (1 for an empty line) */
    int fieldCount() {
        return fields;
    }

    /** @return whether the current record is an empty line */
    boolean emptyLine() {
        return fields == 1 && ends[0] == starts[0] && !escaped[0];
    }

    /** @return the line the current record starts on, 1-based */
    long line() {
        return recordLine;
    }

    /** @return bytes consumed so far */
    long bytesRead() {
        return consumed;
    }

    /** @return field {@code i} of the current record, decoded */
    String field(int i) {
        if (!escaped[i]) {
            return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
        }
        byte[] out = new byte[ends[i] - starts[i]];
        int n = 0;
        for (int p = starts[i]; p < ends[i]; ) {
            int quote = ByteWords.indexOf(buf, p, ends[i], QUOTES);
            int stop = quote < 0 ? ends[i] : quote + 1;
            System.arraycopy(buf, p, out, n, stop - p);
            n += stop - p;
            p = quote < 0 ? stop : quote + 2;
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    /** @return field {@code i}, the same String instance for the same short value (names, results) */
    String internedField(int i) {
        if (escaped[i] || ends[i] - starts[i] > names.maxLength()) {
            return field(i);
        }
        return names.get(buf, starts[i], ends[i]);
    }

    /** @return field {@code i}, the same String instance as a recent row's same value (paths) */
    String repeatedField(int i) {
        if (escaped[i] || ends[i] - starts[i] > paths.maxLength()) {
            return field(i);
        }
        return paths.get(buf, starts[i], ends[i]);
    }

    /** @return field {@code i} as a non-negative int, or -1 when it is not one */
    int intField(int i) {
        int n = ends[i] - starts[i];
        if (n == 0 || n > 10 || escaped[i]) {
            return -1;
        }
        long v = 0;
        for (int p = starts[i]; p < ends[i]; p++) {
            int d = buf[p] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    /** @return the time of day of field {@code i} in ticks, or {@link TimeOfDay#INVALID} */
    long timeField(int i) {
        if (escaped[i] || ends[i] - starts[i] > 40) {
            return TimeOfDay.INVALID;
        }
        long common = TimeOfDay.parseCommon(buf, starts[i], ends[i]);
        if (common != TimeOfDay.UNCOMMON) {
            return common;
        }
        for (int p = starts[i]; p < ends[i]; p++) {
            if (buf[p] < 0) {
                return TimeOfDay.parse(field(i));
            }
        }
        ascii.set(starts[i], ends[i]);
        return TimeOfDay.parse(ascii);
    }

    /** The bytes of an ASCII field seen as characters, without copying them. */
    private final class AsciiView implements CharSequence {
        private int from;
        private int to;

        void set(int start, int end) {
            from = start;
            to = end;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            return (char) buf[from + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(buf, from + start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** @return the end of the record starting at {@code p}, or -1 when the buffer ends first */
    private int scanRecord(int p) {
        byte[] b = buf;
        int end = limit;
        fields = 0;
        while (true) {
            if (fields == starts.length && fields < MAX_FIELDS) {
                grow();
            }
            boolean esc = false;
            int fieldStart;
            int fieldEnd;
            if (p < end && b[p] == '"') {
                fieldStart = ++p;
                while (true) {
                    p = ByteWords.indexOfEither(b, p, end, QUOTES, NEWLINES);
                    if (p < 0) {
                        return eof ? UNTERMINATED : -1;
                    }
                    if (b[p] == '\n') {
                        line++;
                        p++;
                        continue;
                    }
                    if (p + 1 >= end) {
                        if (eof) {
                            break;
                        }
                        return -1;
                    }
                    if (b[p + 1] == '"') {
                        esc = true;
                        p += 2;
                        continue;
                    }
                    break;
                }
                fieldEnd = p++;
                while (p < end && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    p++;
                }
            } else {
                fieldStart = p;
                while (p < end && b[p] != ',' && b[p] != '\n' && b[p] != '\r') {
                    p++;
                }
                fieldEnd = p;
            }
            if (fields < starts.length) {
                starts[fields] = fieldStart;
                ends[fields] = fieldEnd;
                escaped[fields] = esc;
            }
            fields++;
            if (p >= end) {
                return eof ? p : -1;
            }
            byte delimiter = b[p++];
            if (delimiter == ',') {
                continue;
            }
            line++;
            if (delimiter == '\r') {
                if (p >= end && !eof) {
                    return -1;
                }
                if (p < end && b[p] == '\n') {
                    p++;
                }
            }
            return p;
        }
    }

    /**
     * Passes over a record too long to keep, from {@code p} to its end (or the end of the input),
     * reading on without keeping what it passed: the same quoting rules as {@link #scanRecord}.
     */
    private void skipRecord(int p) throws IOException {
        final int fieldStart = 0;
        final int unquoted = 1;
        final int quoted = 2;
        final int quoteInQuoted = 3;
        int state = fieldStart;
        while (true) {
            for (; p < limit; p++) {
                byte b = buf[p];
                if (b == '\n' && state == quoted) {
                    line++;
                    continue;
                }
                if (state == quoted) {
                    state = b == '"' ? quoteInQuoted : quoted;
                } else if (b == ',') {
                    state = fieldStart;
                } else if (b == '\n' || b == '\r') {
                    line++;
                    p++;
                    if (b == '\r' && p < limit && buf[p] == '\n') {
                        p++;
                    }
                    consumed += p - pos;
                    pos = p;
                    return;
                } else if (state == fieldStart && b == '"' || state == quoteInQuoted && b == '"') {
                    state = quoted;
                } else {
                    state = unquoted;
                }
            }
            consumed += limit - pos;
            pos = limit;
            if (!fill(pos)) {
                return;
            }
            p = pos;
        }
    }

    /** Keeps the bytes from {@code keepFrom} on, moved to the front, and reads more after them. */
    private boolean fill(int keepFrom) throws IOException {
        int keep = limit - keepFrom;
        if (keepFrom > 0) {
            System.arraycopy(buf, keepFrom, buf, 0, keep);
            pos -= keepFrom;
            limit = keep;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, maxRecordBytes + 1L));
        }
        int wanted = buf.length - limit;
        int n = in.readNBytes(buf, limit, wanted);
        limit += n;
        eof = n < wanted;
        return limit > pos;
    }

    private void grow() {
        int n = starts.length * 2;
        starts = Arrays.copyOf(starts, n);
        ends = Arrays.copyOf(ends, n);
        escaped = Arrays.copyOf(escaped, n);
    }
}
