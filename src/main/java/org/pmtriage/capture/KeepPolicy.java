package org.pmtriage.capture;

/** Which runs' logs are kept ({@code --keep}); an interrupted run's log is kept whatever it says. */
public enum KeepPolicy {
    /** Only the logs of failed runs. */
    FAILURES,
    /** Every log. */
    ALL,
    /** No log (to measure how often a build fails under ProcMon). */
    NONE
}
