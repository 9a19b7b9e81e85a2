package org.pmtriage.capture;

import java.io.IOException;

/** The build under capture, run once per {@link #run()}. */
public interface Build {

    /**
     * Runs the build to its end.
     *
     * @return how it ended
     * @throws IOException when it cannot be started
     */
    BuildResult run() throws IOException;

    /** Ends a running build and every process it started (Ctrl+C); a later {@link #run()} does not start. */
    void stop();
}
