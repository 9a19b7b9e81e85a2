package org.pmtriage.incident;

import java.util.List;
import java.util.Objects;

import org.pmtriage.analysis.Severity;

/**
 * What one log contributes to the view across logs: its status and its patterns' counts. Made from
 * an analysis ({@link #of}) or read back from a JSON report, so reports from many machines can be
 * merged without their logs.
 *
 * @param log      the log as its report names it
 * @param status   {@code error}, {@code warning}, {@code info}, {@code clean} or {@code unreadable}
 * @param patterns its patterns
 */
public record LogPatterns(String log, String status, List<Tally> patterns) {

    /**
     * One pattern of the log.
     *
     * @param key       its key
     * @param severity  its worst severity
     * @param incidents its incidents
     * @param failures  refused processes of its incidents that exited with a non-zero status
     */
    public record Tally(PatternKey key, Severity severity, long incidents, long failures) {
        public Tally {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(severity, "severity");
        }
    }

    public LogPatterns {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(status, "status");
        patterns = List.copyOf(patterns);
    }

    /** @return the patterns of an analyzed log */
    public static LogPatterns of(String log, String status, Incidents incidents) {
        return new LogPatterns(log, status, incidents.patterns().stream()
                .map(p -> new Tally(p.key(), p.severity(), p.incidents().size(), p.failures())).toList());
    }

    /** @return whether the log had an error finding */
    public boolean failing() {
        return status.equals("error");
    }
}
