package org.pmtriage.report;

import java.util.Objects;
import java.util.Optional;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.event.TimeFrame;

/**
 * Everything a report shows about one log.
 *
 * @param path   the log as the user named it
 * @param format {@code csv}, {@code xml} or {@code pml}
 * @param result what the analysis found
 * @param frame  what the times mean: their zone and the first day's date, as far as known
 */
public record Report(String path, String format, AnalysisResult result, TimeFrame frame) {

    public Report {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(frame, "frame");
    }

    /** A report whose times have no known zone or date. */
    public Report(String path, String format, AnalysisResult result) {
        this(path, format, result, new TimeFrame(Optional.empty(), Optional.empty()));
    }
}
