package org.pmtriage.capture;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a capture session did.
 *
 * @param runs  every run that ended, in order
 * @param error the line that ended the session early (ProcMon failed, a log could not be kept)
 */
public record SessionResult(List<RunResult> runs, Optional<String> error) {

    /** @throws NullPointerException when a part is null */
    public SessionResult {
        runs = List.copyOf(runs);
        Objects.requireNonNull(error, "error");
    }

    /** @return whether the session was stopped by Ctrl+C */
    public boolean interrupted() {
        return runs.stream().anyMatch(r -> r.outcome() == RunOutcome.INTERRUPTED);
    }

    /** @return how many runs failed */
    public long failures() {
        return runs.stream().filter(r -> r.outcome() == RunOutcome.FAILED).count();
    }

    /** @return whether the session ended early or the analysis of a kept log failed */
    public boolean hadError() {
        return error.isPresent() || runs.stream().anyMatch(r -> r.analysisError().isPresent());
    }
}
