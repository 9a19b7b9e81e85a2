package org.pmtriage.capture;

/** When a session ends, besides Ctrl+C and errors. */
public enum RunLimit {
    /** After the given number of runs ({@code --runs}). */
    RUNS,
    /** After the first failed run, or the given number of runs ({@code --until-failure}, {@code --max-runs}). */
    UNTIL_FAILURE
}
