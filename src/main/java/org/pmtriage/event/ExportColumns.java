package org.pmtriage.event;

import java.util.Objects;

/**
 * The fields of an event that only an export of all ProcMon's columns shows (Date &amp; Time,
 * Duration, Completion Time, Event Class, Category and the process table's columns). Readers fill
 * them only when asked to decode for an export; every other event shares {@link #NONE}.
 *
 * @param firstEpochDay the epoch day of the timeline's day zero (see {@link Event#time()}), or
 *                      {@link #UNKNOWN_DAY}
 * @param duration      100-ns ticks the operation took, or {@link #UNKNOWN_DURATION} (also while pending)
 * @param eventClass    the Event Class column ({@code File System}, {@code Registry}, ...), or empty
 * @param category      the Category column ({@code Read}, {@code Write Metadata}, ...), or empty
 * @param process       the process table's columns for the event's process
 */
public record ExportColumns(long firstEpochDay, long duration, String eventClass, String category,
                            ProcessColumns process) {

    /** Value of {@link #firstEpochDay()} when unknown. */
    public static final long UNKNOWN_DAY = Long.MIN_VALUE;

    /** Value of {@link #duration()} when unknown. */
    public static final long UNKNOWN_DURATION = -1;

    /** An event with none of these fields known. */
    public static final ExportColumns NONE = new ExportColumns(UNKNOWN_DAY, UNKNOWN_DURATION, "", "",
            ProcessColumns.NONE);

    public ExportColumns {
        Objects.requireNonNull(eventClass, "eventClass");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(process, "process");
    }
}
