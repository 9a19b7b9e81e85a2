package org.pmtriage.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One log of a batch: its report, or the one line that says why it could not be read.
 *
 * @param log    the log as the user named it
 * @param report its report, when it was read
 * @param error  why it could not be read, when it was not
 */
public record LogOutcome(String log, Optional<Report> report, Optional<String> error) {

    public LogOutcome {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(error, "error");
        if (report.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a log has a report or an error, not both or neither");
        }
    }

    /** @return the outcome of a log that was read */
    public static LogOutcome read(Report report) {
        return new LogOutcome(report.path(), Optional.of(report), Optional.empty());
    }

    /** @return the outcome of a log that could not be read, with the one line that says why */
    public static LogOutcome unreadable(String log, String error) {
        return new LogOutcome(log, Optional.empty(), Optional.of(error));
    }
}
