package org.pmtriage.report;

import java.util.Objects;

import org.pmtriage.analysis.AnalysisResult;

/**
 * Everything a report shows about one log.
 *
 * @param path   the log as the user named it
 * @param format {@code csv}, {@code xml} or {@code pml}
 * @param result what the analysis found
 */
public record Report(String path, String format, AnalysisResult result) {

    public Report {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(result, "result");
    }
}
