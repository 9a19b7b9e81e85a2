package org.pmtriage.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pmtriage.analysis.Severity;

/**
 * Patterns across many logs: the same {@link PatternKey} in several logs is one cause. Ranked by
 * worst severity, then by the number of logs in which its incidents made a process fail, then by
 * the number of logs it appears in, then by incidents.
 */
public final class PatternRanking {

    /**
     * One pattern across the logs.
     *
     * @param key          the cause
     * @param severity     its worst severity in any log
     * @param logs         the logs it appears in, in the order they were added
     * @param failingLogs  how many of those logs had a process of its incidents fail
     * @param incidents    its incidents in all logs
     * @param failures     failed processes in all logs
     */
    public record Ranked(PatternKey key, Severity severity, List<String> logs, int failingLogs, long incidents,
                         long failures) {
        public Ranked {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(severity, "severity");
            logs = List.copyOf(logs);
        }
    }

    private static final Comparator<Ranked> RANK = Comparator.comparing(Ranked::severity)
            .thenComparing(r -> -r.failingLogs())
            .thenComparing(r -> -r.logs().size())
            .thenComparing(r -> -r.incidents())
            .thenComparing(r -> r.key().title());

    private final List<LogPatterns> logs = new ArrayList<>();

    /** Adds one log. */
    public void add(LogPatterns log) {
        logs.add(log);
    }

    /** @return the logs added, in order */
    public List<LogPatterns> logs() {
        return List.copyOf(logs);
    }

    /** @return every pattern across the logs, first the one to fix first */
    public List<Ranked> ranked() {
        Map<PatternKey, Sum> byKey = new LinkedHashMap<>();
        for (LogPatterns log : logs) {
            for (LogPatterns.Tally t : log.patterns()) {
                byKey.computeIfAbsent(t.key(), k -> new Sum()).add(log.log(), t);
            }
        }
        List<Ranked> out = new ArrayList<>(byKey.size());
        byKey.forEach((key, sum) -> out.add(new Ranked(key, sum.severity, new ArrayList<>(sum.logs), sum.failingLogs,
                sum.incidents, sum.failures)));
        out.sort(RANK);
        return out;
    }

    /** A pattern's counts while the logs are summed. */
    private static final class Sum {
        private final Set<String> logs = new LinkedHashSet<>();
        private Severity severity = Severity.INFO;
        private int failingLogs;
        private long incidents;
        private long failures;

        void add(String log, LogPatterns.Tally t) {
            logs.add(log);
            severity = t.severity().compareTo(severity) < 0 ? t.severity() : severity;
            failingLogs += t.failures() > 0 ? 1 : 0;
            incidents += t.incidents();
            failures += t.failures();
        }
    }
}
