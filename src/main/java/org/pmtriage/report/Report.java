package org.pmtriage.report;

import java.util.Objects;
import java.util.Optional;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.event.TimeFrame;
import org.pmtriage.incident.Incidents;

/**
 * Everything a report shows about one log.
 *
 * @param path   the log as the user named it
 * @param format {@code csv}, {@code xml} or {@code pml}
 * @param result    what the analysis found
 * @param frame     what the times mean: their zone and the first day's date, as far as known
 * @param incidents its findings linked into incidents and patterns
 */
public record Report(String path, String format, AnalysisResult result, TimeFrame frame, Incidents incidents) {

    public Report {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(incidents, "incidents");
    }

    /** A report whose times have no known zone or date, its incidents linked from {@code result}. */
    public Report(String path, String format, AnalysisResult result) {
        this(path, format, result, new TimeFrame(Optional.empty(), Optional.empty()));
    }

    /** A report whose incidents are linked from {@code result}. */
    public Report(String path, String format, AnalysisResult result, TimeFrame frame) {
        this(path, format, result, frame, Incidents.of(result));
    }
}
