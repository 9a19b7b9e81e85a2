package org.pmtriage.capture;

/**
 * How one run of the build ended.
 *
 * @param exitCode      the build's exit code
 * @param outputMatched whether a line of its output matched {@code --fail-if}
 * @param stopped       whether it was stopped by {@link Build#stop()} (its exit code then means little)
 */
public record BuildResult(int exitCode, boolean outputMatched, boolean stopped) {

    /** @return whether the run counts as failed: a non-zero exit code or a matching output line */
    public boolean failed() {
        return exitCode != 0 || outputMatched;
    }
}
