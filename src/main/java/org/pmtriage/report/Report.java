package org.pmtriage.report;

import java.util.Objects;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.incident.Incidents;

/**
 * Everything a report shows about one log.
 *
 * @param path   the log as the user named it
 * @param format {@code csv}, {@code xml} or {@code pml}
 * @param result    what the analysis found
 * @param incidents its findings linked into incidents and patterns
 */
public record Report(String path, String format, AnalysisResult result, Incidents incidents) {

    public Report {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(incidents, "incidents");
    }

    /** A report whose incidents are linked from {@code result}. */
    public Report(String path, String format, AnalysisResult result) {
        this(path, format, result, Incidents.of(result));
    }
}
