package org.pmtriage.capture;

import java.io.IOException;
import java.nio.file.Path;

/** Starts and stops ProcMon around one run of the build. */
public interface ProcMon {

    /**
     * Starts capturing into {@code backingFile} with {@code config} and returns once ProcMon captures.
     *
     * @throws IOException when ProcMon cannot be started
     */
    void start(Path backingFile, Path config) throws IOException;

    /**
     * Stops capturing and returns once the log is written.
     *
     * @throws IOException when ProcMon cannot be told to stop
     */
    void stop() throws IOException;
}
