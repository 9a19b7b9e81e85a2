package org.pmtriage.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a session is to do.
 *
 * @param files  where the runs' logs go and what they are named
 * @param config the ProcMon configuration (PMC) to load
 * @param runs   how many runs at most
 * @param limit  whether to stop at the first failure
 * @param keep   which logs to keep
 */
public record CapturePlan(RunFiles files, Path config, int runs, RunLimit limit, KeepPolicy keep) {

    /** @throws IllegalArgumentException when {@code runs} is not positive */
    public CapturePlan {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(keep, "keep");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1: " + runs);
        }
    }
}
