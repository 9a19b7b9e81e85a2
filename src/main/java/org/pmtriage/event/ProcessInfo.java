package org.pmtriage.event;

import java.util.List;
import java.util.Objects;

/**
 * A process as a log's own process table describes it (XML processlist, PML process table). CSV
 * exports have no such table; the analysis then learns processes from events alone.
 *
 * @param processIndex the log's identity of this process (events carry it), never reused
 * @param pid          process ID (may be reused by a later process)
 * @param parentPid    parent's process ID, or {@link Event#UNKNOWN}
 * @param parentIndex  parent's process index, or {@link Event#UNKNOWN}
 * @param name         process name, e.g. {@code cmd.exe}
 * @param imagePath    full image path, empty when unknown
 * @param commandLine  command line, empty when unknown
 * @param startTime    creation time on the events' timeline (see {@link Event#time()}), or
 *                     {@link #UNKNOWN_TIME}
 * @param endTime      exit time on the same timeline, or {@link #UNKNOWN_TIME}
 * @param columns      the process table's other columns (version, company, ...), or
 *                     {@link ProcessColumns#NONE}
 * @param modules      the modules the table lists for the process (PML process table, XML
 *                     {@code <modulelist>}), empty when it lists none
 */
public record ProcessInfo(int processIndex, int pid, int parentPid, int parentIndex, String name,
                          String imagePath, String commandLine, long startTime, long endTime,
                          ProcessColumns columns, List<Module> modules) {

    /** Value of a time the log does not carry. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public ProcessInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(columns, "columns");
        modules = List.copyOf(modules);
    }

    /** A process of which the table gives no other columns and no modules. */
    public ProcessInfo(int processIndex, int pid, int parentPid, int parentIndex, String name, String imagePath,
                       String commandLine, long startTime, long endTime) {
        this(processIndex, pid, parentPid, parentIndex, name, imagePath, commandLine, startTime, endTime,
                ProcessColumns.NONE, List.of());
    }
}
