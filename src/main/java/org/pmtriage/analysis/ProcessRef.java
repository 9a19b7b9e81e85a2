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
 * @param exitStatus  the Exit Status of its Process Exit, or {@link #UNKNOWN_STATUS}
 */
public record ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt, long exitStatus) {

    /** Value of a time the log does not carry. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;
    /** Value of an exit status the log does not carry (no Process Exit, or no status in its Detail). */
    public static final long UNKNOWN_STATUS = Long.MIN_VALUE;

    public ProcessRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandLine, "commandLine");
    }

    /** A process whose exit status is unknown. */
    public ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt) {
        this(pid, name, commandLine, startedAt, exitedAt, UNKNOWN_STATUS);
    }

    /** @return true when it exited with a known status other than 0 */
    public boolean failed() {
        return exitStatus != UNKNOWN_STATUS && exitStatus != 0;
    }

    @Override
    public String toString() {
        return name + " (" + pid + ")";
    }
}
