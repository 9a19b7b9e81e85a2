package org.pmtriage.analysis;

import java.util.Objects;

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
 */
public record ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt, int instance) {

    /** Value of a time the log does not carry. */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public ProcessRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandLine, "commandLine");
        if (instance < 1) {
            throw new IllegalArgumentException("instance counts from 1: " + instance);
        }
    }

    /** A process whose PID the capture did not reuse. */
    public ProcessRef(int pid, String name, String commandLine, long startedAt, long exitedAt) {
        this(pid, name, commandLine, startedAt, exitedAt, 1);
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
