package org.pmtriage.capture;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the analysis of a kept log gave.
 *
 * @param errorFindings the number of error findings
 * @param json          the JSON report written beside the log
 * @param html          the HTML report written beside the log
 */
public record AnalyzedLog(long errorFindings, Path json, Path html) {

    /** @throws NullPointerException when a path is null */
    public AnalyzedLog {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(html, "html");
    }
}
