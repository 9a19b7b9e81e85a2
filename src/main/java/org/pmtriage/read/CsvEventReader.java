package org.pmtriage.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;

/**
 * Reads a ProcMon CSV export as it streams: RFC 4180 quoting (bare CR inside quoted fields
 * included), columns mapped by header name in any order, times in any locale form. The caller
 * hands over UTF-8 bytes with any byte-order mark already removed. Columns the analysis does not
 * use are never decoded. A {@code Date & Time} column is read in the first event only: it dates
 * the timeline's day zero ({@link ExportDate}); later days follow from the Time of Day.
 */
public final class CsvEventReader implements EventReader {

    /** Largest record kept, in bytes; a larger one is a malformed record, skipped, not an OOM. */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private static final String[] REQUIRED = {"Time of Day", "Process Name", "PID", "Operation", "Path", "Result"};
    private static final Pattern EXCEL_TIME = Pattern.compile("\\d{1,2}:\\d{2}\\.\\d");

    private final String source;
    private final ReadOptions options;
    private final BadRecords badRecords;
    private final CsvScanner csv;
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
    private final int dateAndTime;
    private final DayRollover days = new DayRollover();
    private long recordNumber;
    /** The last operation name met (an interned column value) and what it means: one lookup per change. */
    private String lastOperationName;
    private Operation lastOperation;
    private Event next;
    /** Volatile: {@link ReadAhead} reads it from another thread than the one reading the log. */
    private volatile Optional<LocalDate> firstDay = Optional.empty();

    /**
     * Reads the header at once, so a file that is not a ProcMon CSV fails here.
     *
     * @param bytes   the export as UTF-8, without a byte-order mark
     * @param source  the file name for messages
     * @param options policy and warnings
     * @throws LogFormatException when the header lacks a required column or the file is empty
     */
    public CsvEventReader(InputStream bytes, String source, ReadOptions options) {
        this.source = source;
        this.options = options;
        this.badRecords = new BadRecords(options);
        this.csv = new CsvScanner(bytes, MAX_RECORD_BYTES);
        if (!nextRecord()) {
            throw new LogFormatException(source, "", "empty file: expected a ProcMon CSV header");
        }
        if (csv.unreadable() != null) {
            throw new LogFormatException(source, "1", "not a ProcMon CSV header: " + csv.unreadable());
        }
        columns = csv.fieldCount();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < Math.min(columns, 1024); i++) {
            index.putIfAbsent(csv.field(i).trim(), i);
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
        dateAndTime = index.getOrDefault("Date & Time", -1);
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
        return badRecords.count();
    }

    /** @return the first event's date from the Date &amp; Time column, once that event has been read */
    @Override
    public Optional<LocalDate> firstDay() {
        return firstDay;
    }

    @Override
    public long bytesRead() {
        return csv.bytesRead();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!nextRecord()) {
                return false;
            }
            if (csv.emptyLine()) {
                continue;
            }
            recordNumber++;
            next = toEvent();
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

    private boolean nextRecord() {
        try {
            return csv.next();
        } catch (IOException e) {
            throw new LogFormatException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private Event toEvent() {
        long line = csv.line();
        if (csv.unreadable() != null) {
            return bad(line, csv.unreadable());
        }
        if (csv.fieldCount() != columns) {
            return bad(line, "record has " + csv.fieldCount() + " fields, but the header has " + columns);
        }
        long tod = csv.timeField(time);
        if (tod == TimeOfDay.INVALID) {
            String timeText = csv.field(time);
            if (recordNumber == 1 && EXCEL_TIME.matcher(timeText).matches()) {
                throw new LogFormatException(source, Long.toString(line), "Time of Day \"" + timeText
                        + "\" has lost its hour: this CSV was re-saved by a spreadsheet, not exported"
                        + " by ProcMon; export it again from ProcMon (File > Save > CSV)");
            }
            return bad(line, "Time of Day \"" + clip(timeText) + "\" is not a time");
        }
        int pidValue = csv.intField(pid);
        if (pidValue < 0) {
            return bad(line, "PID \"" + clip(csv.field(pid)) + "\" is not a number");
        }
        String op = csv.internedField(operation);
        if (op != lastOperationName) {
            lastOperationName = op;
            lastOperation = Operation.of(op);
        }
        Operation meaning = lastOperation;
        String pathText = options.decoding().keepsPath(meaning) ? csv.field(path) : "";
        String detailText = detail >= 0 && options.decoding().keepsDetail(meaning) ? csv.field(detail) : "";
        if (recordNumber == 1 && dateAndTime >= 0) {
            dateFirstDay(line);
        }
        return new Event(recordNumber, days.toTimeline(tod), csv.internedField(processName), pidValue,
                optionalInt(tid), op, meaning, pathText, csv.internedField(result), detailText, optionalInt(parentPid),
                commandLine < 0 ? "" : csv.field(commandLine), imagePath < 0 ? "" : csv.internedField(imagePath),
                Event.UNKNOWN);
    }

    private void dateFirstDay(long line) {
        String text = csv.field(dateAndTime);
        firstDay = ExportDate.parse(text, csv.field(time));
        if (firstDay.isEmpty()) {
            options.warnings().accept(ExportDate.undecided(source + ":" + line, text));
        }
    }

    private Event bad(long line, String what) {
        badRecords.skip(source, Long.toString(line), what, null);
        recordNumber--;
        return null;
    }

    private int optionalInt(int column) {
        return column < 0 ? Event.UNKNOWN : csv.intField(column);
    }

    private static String clip(String s) {
        StringBuilder one = new StringBuilder(Math.min(s.length(), 44));
        for (int i = 0; i < s.length() && one.length() < 40; i++) {
            char c = s.charAt(i);
            one.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > 40 ? one + "..." : one.toString();
    }
}
