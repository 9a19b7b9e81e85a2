package org.pmtriage.capture;

import java.io.IOException;
import java.nio.file.Path;

/** The analysis run on each kept log, as {@code pmtriage analyze} runs it. */
public interface KeptLogAnalysis {

    /**
     * Analyzes a kept log (its rollover parts beside it) and writes the JSON and HTML reports beside it.
     *
     * @param log the log's first part
     * @return the count of error findings and the reports written
     * @throws IOException with a one-line message when the log cannot be read or a report written
     */
    AnalyzedLog analyze(Path log) throws IOException;
}
