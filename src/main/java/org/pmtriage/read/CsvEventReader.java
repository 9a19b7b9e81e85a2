package org.pmtriage.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;

/**
 * Reads a ProcMon CSV export as it streams: RFC 4180 quoting (bare CR inside quoted fields
 * included), columns mapped by header name in any order, times in any locale form. The caller
 * hands over the text with any byte-order mark already removed.
 */
public final class CsvEventReader implements EventReader {

    /** Largest field accepted, in characters; a larger one is a malformed input, not an OOM. */
    public static final int MAX_FIELD_CHARS = 4 * 1024 * 1024;

    private static final String[] REQUIRED = {"Time of Day", "Process Name", "PID", "Operation", "Path", "Result"};
    private static final Pattern EXCEL_TIME = Pattern.compile("\\d{1,2}:\\d{2}\\.\\d");

    private final String source;
    private final ReadOptions options;
    private final PickedColumns row = new PickedColumns();
    private final CsvReader<String[]> csv;
    private final Iterator<String[]> records;
    private final CountingReader counter;
    private final int columns;
    private final int time;
    private final int processName;
    private final int pid;
    private final int operation;
    private final int path;
    private final int result;
    private final int detail;
    private final int tid;
    private final int parentPid;
    private final int commandLine;
    private final int imagePath;
    private final DayRollover days = new DayRollover();
    private final Map<String, String> names = new HashMap<>();
    private long recordNumber;
    private long skipped;
    private Event next;

    /**
     * Reads the header at once, so a file that is not a ProcMon CSV fails here.
     *
     * @param text    the export's text, without a byte-order mark
     * @param source  the file name for messages
     * @param options policy and warnings
     * @throws LogFormatException when the header lacks a required column or the file is empty
     */
    public CsvEventReader(Reader text, String source, ReadOptions options) {
        this.source = source;
        this.options = options;
        this.counter = new CountingReader(text);
        this.csv = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(false)
                .maxBufferSize(MAX_FIELD_CHARS)
                .build(row, counter);
        this.records = csv.iterator();
        String[] header = nextRecord();
        if (header == null) {
            throw new LogFormatException(source, "", "empty file: expected a ProcMon CSV header");
        }
        columns = row.fieldCount();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns; i++) {
            index.putIfAbsent(header[i].trim(), i);
        }
        for (String name : REQUIRED) {
            if (!index.containsKey(name)) {
                throw new LogFormatException(source, "1", "not a ProcMon CSV export: no \"" + name
                        + "\" column (header has " + columns + " columns, needs "
                        + String.join(", ", REQUIRED) + ")");
            }
        }
        time = index.get("Time of Day");
        processName = index.get("Process Name");
        pid = index.get("PID");
        operation = index.get("Operation");
        path = index.get("Path");
        result = index.get("Result");
        detail = index.getOrDefault("Detail", -1);
        tid = index.getOrDefault("TID", -1);
        parentPid = index.getOrDefault("Parent PID", -1);
        commandLine = index.getOrDefault("Command Line", -1);
        imagePath = index.getOrDefault("Image Path", -1);
        boolean[] used = new boolean[columns];
        for (int column : new int[] {time, processName, pid, operation, path, result, detail, tid, parentPid,
            commandLine, imagePath}) {
            if (column >= 0) {
                used[column] = true;
            }
        }
        row.pick(used);
        if (detail < 0) {
            options.warnings().accept(source + ": no Detail column: share modes, write access and "
                    + "spawned PIDs are unknown, so findings will be less precise");
        }
    }

    @Override
    public InputFormat format() {
        return InputFormat.CSV;
    }

    @Override
    public long skippedRecords() {
        return skipped;
    }

    @Override
    public long bytesRead() {
        return counter.chars();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            String[] r = nextRecord();
            if (r == null) {
                return false;
            }
            if (row.empty()) {
                continue;
            }
            recordNumber++;
            next = toEvent(r);
        }
        return true;
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Event e = next;
        next = null;
        return e;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private String[] nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (CsvParseException e) {
            String what = e.getMessage() == null ? "malformed CSV" : e.getMessage();
            if (e.getCause() instanceof IOException io) {
                throw new LogFormatException(source, "", "cannot read: " + io.getMessage(), e);
            }
            if (what.contains("buffer") || what.contains("Buffer")) {
                what = "a field is longer than " + MAX_FIELD_CHARS + " characters (" + what + ")";
            }
            throw new LogFormatException(source, "", what, e);
        } catch (UncheckedIOException e) {
            throw new LogFormatException(source, "", "cannot read: " + e.getCause().getMessage(), e);
        }
    }

    private Event toEvent(String[] r) {
        long line = row.line();
        if (row.fieldCount() != columns) {
            return bad(line, "record has " + row.fieldCount() + " fields, but the header has " + columns);
        }
        String timeText = r[time];
        long tod = TimeOfDay.parse(timeText);
        if (tod == TimeOfDay.INVALID) {
            if (recordNumber == 1 && EXCEL_TIME.matcher(timeText).matches()) {
                throw new LogFormatException(source, Long.toString(line), "Time of Day \"" + timeText
                        + "\" has lost its hour: this CSV was re-saved by a spreadsheet, not exported"
                        + " by ProcMon; export it again from ProcMon (File > Save > CSV)");
            }
            return bad(line, "Time of Day \"" + clip(timeText) + "\" is not a time");
        }
        int pidValue = parseInt(r[pid]);
        if (pidValue < 0) {
            return bad(line, "PID \"" + clip(r[pid]) + "\" is not a number");
        }
        String op = intern(r[operation]);
        return new Event(recordNumber, days.toTimeline(tod), intern(r[processName]), pidValue,
                optionalInt(r, tid), op, Operation.of(op), r[path], intern(r[result]),
                detail < 0 ? "" : r[detail], optionalInt(r, parentPid),
                commandLine < 0 ? "" : r[commandLine], imagePath < 0 ? "" : intern(r[imagePath]),
                Event.UNKNOWN);
    }

    private Event bad(long line, String what) {
        if (options.policy() == BadRecordPolicy.FAIL) {
            throw new LogFormatException(source, Long.toString(line), what);
        }
        skipped++;
        recordNumber--;
        if (skipped <= ReadOptions.NAMED_SKIPS) {
            options.warnings().accept(source + ":" + line + ": skipped: " + what);
        }
        return null;
    }

    private String intern(String s) {
        if (s.length() > 64) {
            return s;
        }
        String known = names.get(s);
        if (known != null) {
            return known;
        }
        if (names.size() < 4096) {
            names.put(s, s);
        }
        return s;
    }

    private static int optionalInt(String[] r, int column) {
        return column < 0 ? Event.UNKNOWN : parseInt(r[column]);
    }

    /** @return the non-negative integer, or -1 when the text is not one */
    static int parseInt(String text) {
        int n = text.length();
        if (n == 0 || n > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
        }
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }

    private static String clip(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() > 40 ? one.substring(0, 40) + "..." : one;
    }
}
