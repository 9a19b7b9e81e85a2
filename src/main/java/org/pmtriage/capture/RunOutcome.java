package org.pmtriage.capture;

/** How a run ended. */
public enum RunOutcome {
    /** Exit code 0 and no output line matching {@code --fail-if}. */
    PASSED,
    /** A non-zero exit code, or an output line matching {@code --fail-if}. */
    FAILED,
    /** Stopped by Ctrl+C. */
    INTERRUPTED
}
