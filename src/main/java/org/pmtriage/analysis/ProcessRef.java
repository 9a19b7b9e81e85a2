package org.pmtriage.analysis;

import java.util.Objects;

import org.pmtriage.diagnosis.ProcessIdentity;

/**
 * A process as findings name it. A PID alone is ambiguous (PIDs are reused), so the start time,
 * the command line and which use of the PID it is come along.
 *
 * @param pid         process ID
 * @param name        process name, e.g. {@code cmd.exe}
 * @param commandLine command line, empty when unknown
 * @param startedAt   when it was spawned or started (timeline ticks), or {@link #UNKNOWN_TIME}
 *                    when it was already running when the capture began
 * @param exitedAt    when it exited, or {@link #UNKNOWN_TIME} when not within the capture (so far)
 * @param instance    which process of the capture with this PID it is: 1 for the first, 2 for
 *                    the second after the PID was reused...
 * @param exitStatus  the Exit Status of its Process Exit, or {@link #UNKNOWN_STATUS}
 * @param identity    what else the log tells of it (image, version, modules) and the runtime that
 *                    follows; {@link ProcessIdentity#UNKNOWN} when nothing
 */
public record ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt, int instance,
                         long exitStatus, ProcessIdentity identity) {

    /** Value of a time the log does not carry. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;
    /** Value of an exit status the log does not carry (no Process Exit, or no status in its Detail). */
    public static final long UNKNOWN_STATUS = Long.MIN_VALUE;

    public ProcessRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(identity, "identity");
        if (instance < 1) {
            throw new IllegalArgumentException("instance counts from 1: " + instance);
        }
    }

    /** A process whose PID the capture did not reuse and whose exit status is unknown. */
    public ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt) {
        this(pid, name, commandLine, startedAt, exitedAt, 1, UNKNOWN_STATUS);
    }

    /** A process of which the log tells nothing but its name and command line. */
    public ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt, int instance,
                      long exitStatus) {
        this(pid, name, commandLine, startedAt, exitedAt, instance, exitStatus, ProcessIdentity.of(name, commandLine));
    }

    /** @return true when it exited with a known status other than 0 */
    public boolean failed() {
        return exitStatus != UNKNOWN_STATUS && exitStatus != 0;
    }

    /** @return {@code cl.exe (6000)}, or {@code cl.exe (6000, 2nd)} for a reused PID */
    @Override
    public String toString() {
        return name + " (" + pidLabel() + ")";
    }

    /** @return the PID, followed by which use of it this is when the capture reused it: {@code 6000, 2nd} */
    public String pidLabel() {
        return instance == 1 ? Integer.toString(pid) : pid + ", " + ordinal(instance);
    }

    private static String ordinal(int n) {
        int lastTwo = n % 100;
        String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
