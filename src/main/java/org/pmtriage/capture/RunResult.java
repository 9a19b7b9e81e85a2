package org.pmtriage.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a session.
 *
 * @param run           the run's number, from 1
 * @param build         how the build ended
 * @param outcome       passed, failed or interrupted
 * @param kept          the kept log's parts, first part first; empty when the log was deleted
 * @param analysis      the analysis of the kept log, when it ran and succeeded
 * @param analysisError why the analysis of the kept log failed, when it did
 */
public record RunResult(int run, BuildResult build, RunOutcome outcome, List<Path> kept,
                        Optional<AnalyzedLog> analysis, Optional<String> analysisError) {

    /** @throws NullPointerException when a part is null */
    public RunResult {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(outcome, "outcome");
        kept = List.copyOf(kept);
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(analysisError, "analysisError");
    }
}
