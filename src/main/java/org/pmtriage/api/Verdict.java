package org.pmtriage.api;

/**
 * What an analysis comes to for a build step, by a {@link FailPolicy}; the command line maps it to
 * its exit code (0, 1, 3).
 *
 * <pre>{@code
 * Verdict verdict = BatchAnalysis.of(List.of("samples/flaky-build.csv"), AnalysisOptions.defaults(), 1)
 *         .verdict(FailPolicy.DEFAULT);
 * if (verdict != Verdict.CLEAN) {
 *     throw new IllegalStateException("pmtriage: " + verdict);
 * }
 * }</pre>
 */
public enum Verdict {
    /** Every log was read and none has a finding the policy counts. */
    CLEAN,
    /** Every log was read and at least one has a finding the policy counts. */
    FINDINGS,
    /** At least one log could not be read. */
    UNREADABLE
}
