package org.pmtriage.api;

import java.util.Objects;

/**
 * A log of a batch that could not be read.
 *
 * <pre>{@code
 * BatchAnalysis batch = BatchAnalysis.of(List.of("missing.csv"), AnalysisOptions.defaults(), 1);
 * batch.unreadable().forEach(u -> System.err.println(u.message()));   // missing.csv: no such file
 * }</pre>
 *
 * @param log     the log as named
 * @param message one printable line: the file, where and what was wrong
 * @param cause   what was thrown, for a stack trace on request
 */
public record UnreadableLog(String log, String message, Throwable cause) {

    /**
     * Checks that nothing is missing.
     *
     * @param log     as above
     * @param message as above
     * @param cause   as above
     */
    public UnreadableLog {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(cause, "cause");
    }
}
