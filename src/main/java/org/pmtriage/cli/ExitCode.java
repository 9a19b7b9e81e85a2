package org.pmtriage.cli;

import org.pmtriage.api.Verdict;

/** The exit codes of every command. */
final class ExitCode {

    /** No finding that {@code --fail-on} counts. */
    static final int OK = 0;
    /** At least one finding that {@code --fail-on} counts. */
    static final int FINDINGS = 1;
    /** {@code capture}: a run of the build failed (its log was kept and analyzed). */
    static final int BUILD_FAILED = 1;
    /** The command line was wrong; for {@code capture} also: ProcMon missing or unusable here. */
    static final int USAGE = 2;
    /** An input could not be read, or an output could not be written. */
    static final int UNREADABLE = 3;
    /** {@code capture} stopped by Ctrl+C (what a JVM ended by SIGINT returns anyway). */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    /** @return the exit code of an analysis's verdict */
    static int of(Verdict verdict) {
        return switch (verdict) {
            case CLEAN -> OK;
            case FINDINGS -> FINDINGS;
            case UNREADABLE -> UNREADABLE;
        };
    }
}
