package org.pmtriage.read.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.DayRollover;
import org.pmtriage.read.internal.EventReaderBase;
import org.pmtriage.read.internal.ExportDate;
import org.pmtriage.read.internal.TimeOfDay;

/**
 * Reads a ProcMon CSV export as it streams: RFC 4180 quoting (bare CR inside quoted fields
 * included), columns mapped by header name in any order, times in any locale form. The caller
 * hands over UTF-8 bytes with any byte-order mark already removed. Columns the analysis does not
 * use are never decoded; the process table's columns (Company, Version, ...) reach
 * {@link Event#columns()} where the level keeps them ({@link Decoding#keepsProcessColumns()},
 * {@link CsvProcessColumns}). A {@code Date & Time} column is read in the first event only: it dates
 * the timeline's day zero ({@link ExportDate}); later days follow from the Time of Day.
 */
public final class CsvEventReader extends EventReaderBase {

    /** Largest record kept, in bytes; a larger one is a malformed record, skipped, not an OOM. */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private static final String[] REQUIRED = {"Time of Day", "Process Name", "PID", "Operation", "Path", "Result"};
    private static final Pattern EXCEL_TIME = Pattern.compile("\\d{1,2}:\\d{2}\\.\\d");

    private final String source;
    private final ReadOptions options;
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
    /** The process table's columns, where the export has them and the decoding level keeps them. */
    private final CsvProcessColumns processColumns;
    private final DayRollover days = new DayRollover();
    private long recordNumber;
    /** Operation names met (interned column values) and what they mean, by hash: one Map lookup per name, not per row. */
    private final String[] operationNames = new String[256];
    private final Operation[] meanings = new Operation[256];

    /**
     * Reads the header at once, so a file that is not a ProcMon CSV fails here.
     *
     * @param bytes   the export as UTF-8, without a byte-order mark
     * @param source  the file name for messages
     * @param options policy and warnings
     * @throws LogFormatException when the header lacks a required column or the file is empty
     */
    public CsvEventReader(InputStream bytes, String source, ReadOptions options) {
        super(InputFormat.CSV, options);
        this.source = source;
        this.options = options;
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
        processColumns = new CsvProcessColumns(options.decoding().keepsProcessColumns() ? index : Map.of());
        if (detail < 0) {
            options.warnings().accept(source + ": no Detail column: share modes, write access and "
                    + "spawned PIDs are unknown, so findings will be less precise");
        }
    }

    @Override
    public long bytesRead() {
        return csv.bytesRead();
    }

    @Override
    protected Event read() {
        while (nextRecord()) {
            if (csv.emptyLine()) {
                continue;
            }
            recordNumber++;
            Event e = toEvent();
            if (e != null) {
                return e;
            }
        }
        return null;
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
        Operation meaning = meaning(op);
        String pathText = options.decoding().keepsPath(meaning) ? csv.repeatedField(path) : "";
        String detailText = detail >= 0 && options.decoding().keepsDetail(meaning) ? csv.field(detail) : "";
        if (recordNumber == 1 && dateAndTime >= 0) {
            dateFirstDay(source + ":" + line, csv.field(dateAndTime), csv.field(time));
        }
        return new Event(recordNumber, days.toTimeline(tod), csv.internedField(processName), pidValue,
                optionalInt(tid), op, meaning, pathText, csv.internedField(result), detailText, optionalInt(parentPid),
                commandLine < 0 ? "" : csv.field(commandLine), imagePath < 0 ? "" : csv.internedField(imagePath),
                Event.UNKNOWN, processColumns.of(csv, pidValue));
    }

    private Operation meaning(String op) {
        int hash = op.hashCode();
        int slot = (hash ^ hash >>> 16) & (operationNames.length - 1);
        if (operationNames[slot] != op) {
            operationNames[slot] = op;
            meanings[slot] = Operation.of(op);
        }
        return meanings[slot];
    }

    private Event bad(long line, String what) {
        badRecords().skip(source, Long.toString(line), what, null);
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
