package org.pmtriage.cli;

/** The exit codes of every command. */
final class ExitCode {

    /** No finding that {@code --fail-on} counts. */
    static final int OK = 0;
    /** At least one finding that {@code --fail-on} counts. */
    static final int FINDINGS = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** An input could not be read, or an output could not be written. */
    static final int UNREADABLE = 3;

    private ExitCode() {
    }
}
