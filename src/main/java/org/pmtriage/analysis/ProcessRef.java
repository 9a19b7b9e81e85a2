package org.pmtriage.analysis;

import java.util.Objects;

/**
 * A process as findings name it. A PID alone is ambiguous (PIDs are reused), so the start time
 * and command line come along when the log has them.
 *
 * @param pid         process ID
 * @param name        process name, e.g. {@code cmd.exe}
 * @param commandLine command line, empty when unknown
 * @param startedAt   when it was spawned or started (timeline ticks), or {@link #UNKNOWN_TIME}
 *                    when it was already running when the capture began
 * @param exitedAt    when it exited, or {@link #UNKNOWN_TIME} when not within the capture (so far)
 */
public record ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt) {

    /** Value of a time the log does not carry. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public ProcessRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandLine, "commandLine");
    }

    @Override
    public String toString() {
        return name + " (" + pid + ")";
    }
}
