package org.pmtriage.read.xml;

import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Operation;
import org.pmtriage.event.Stack;

/**
 * One {@code <event>} as parsed, before the reader gives it its record number and puts its time
 * of day on the timeline (both depend on the events before it, so on reading order); or why it
 * is malformed.
 *
 * @param timeOfDay 100-ns ticks since midnight
 * @param problem   why the event is malformed, or null when it is well-formed
 * @param position  {@code line:column} of the problem, or "" without one
 * @param missing   the first required column the event lacks, or null
 * @param hadDetail whether the event has a Detail element
 * @param dating    the Date___Time and Time_of_Day texts, kept only until the first well-formed event; else {@link Dating#NONE}
 * @param columns   the process table's columns the event carries, or {@link ExportColumns#NONE}
 * @param stack     the event's stack, or {@link Stack#NONE}
 */
record ParsedEvent(long timeOfDay, String processName, int pid, int tid, String operationName, Operation operation,
                   String path, String result, String detail, int parentPid, String commandLine, String imagePath,
                   int processIndex, String problem, String position, String missing, boolean hadDetail,
                   Dating dating, ExportColumns columns, Stack stack) {

    /** The texts the first event's date is read from ({@link org.pmtriage.read.internal.ExportDate}). */
    record Dating(String dateAndTime, String timeOfDay) {
        /** No texts kept (or none in the event). */
        static final Dating NONE = new Dating("", "");
    }

    /** @return the event with its record number and timeline time */
    Event toEvent(long record, long time) {
        return new Event(record, time, processName, pid, tid, operationName, operation, path,
                result, detail, parentPid, commandLine, imagePath, processIndex, columns, stack);
    }
}
