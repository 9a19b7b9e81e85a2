package org.pmtriage.event;

import java.util.Objects;

/**
 * One record of a ProcMon log. Strings are never null (empty when the log does not carry the
 * column); numbers the log does not carry are {@link #UNKNOWN}.
 *
 * @param record        1-based position of the record in the log (row or event number)
 * @param time          100-ns ticks on a monotonic timeline whose zero is midnight of the capture's
 *                      first day, in the time zone the log's times are written in
 * @param processName   the Process Name column
 * @param pid           process ID
 * @param tid           thread ID, or {@link #UNKNOWN}
 * @param operationName the Operation column, verbatim
 * @param operation     what the operation means for handle analysis
 * @param path          the Path column
 * @param result        the Result column (SUCCESS, SHARING VIOLATION, ...)
 * @param detail        the Detail column, verbatim
 * @param parentPid     the Parent PID column, or {@link #UNKNOWN}
 * @param commandLine   the Command Line column
 * @param imagePath     the Image Path column
 * @param processIndex  the log's own process identity (XML ProcessIndex, PML process index), or
 *                      {@link #UNKNOWN}; unlike a PID it is never reused within a log
 * @param columns       what only an export of all columns shows; {@link ExportColumns#NONE} unless the
 *                      reader was asked for it ({@code Decoding.EXPORT})
 * @param stack         the call stack the log recorded with the event, or {@link Stack#NONE}
 */
public record Event(long record, long time, String processName, int pid, int tid,
                    String operationName, Operation operation, String path, String result,
                    String detail, int parentPid, String commandLine, String imagePath,
                    int processIndex, ExportColumns columns, Stack stack) {

    /** Value of numeric fields the log does not carry. */
    public static final int UNKNOWN = -1;

    /** Result text of a successful operation. */
    public static final String SUCCESS = "SUCCESS";

    /** Result text of an open refused because another open's share mode forbids it. */
    public static final String SHARING_VIOLATION = "SHARING VIOLATION";

    public Event {
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(stack, "stack");
    }

    /** An event without a recorded stack. */
    public Event(long record, long time, String processName, int pid, int tid, String operationName,
                 Operation operation, String path, String result, String detail, int parentPid, String commandLine,
                 String imagePath, int processIndex, ExportColumns columns) {
        this(record, time, processName, pid, tid, operationName, operation, path, result, detail, parentPid,
                commandLine, imagePath, processIndex, columns, Stack.NONE);
    }

    /** An event without the columns only exports show. */
    public Event(long record, long time, String processName, int pid, int tid, String operationName,
                 Operation operation, String path, String result, String detail, int parentPid, String commandLine,
                 String imagePath, int processIndex) {
        this(record, time, processName, pid, tid, operationName, operation, path, result, detail, parentPid,
                commandLine, imagePath, processIndex, ExportColumns.NONE);
    }

    /**
     * An event with only the default seven columns (plus the record number and time).
     *
     * @return a new event whose optional fields are unknown or empty
     */
    public static Event basic(long record, long time, String processName, int pid,
                              String operationName, String path, String result, String detail) {
        return new Event(record, time, processName, pid, UNKNOWN, operationName,
                Operation.of(operationName), path, result, detail, UNKNOWN, "", "", UNKNOWN);
    }

    /** @return true when the Result column says SUCCESS */
    public boolean succeeded() {
        return SUCCESS.equals(result);
    }
}
