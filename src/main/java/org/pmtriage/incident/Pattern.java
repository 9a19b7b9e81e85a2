package org.pmtriage.incident;

import java.util.List;
import java.util.Objects;

import org.pmtriage.analysis.Severity;

/**
 * Incidents of one log that share a cause.
 *
 * @param id        {@code p1}, {@code p2}... in rank order within the log
 * @param key       the cause they share
 * @param incidents its incidents, in rank order (never empty)
 */
public record Pattern(String id, PatternKey key, List<Incident> incidents) {

    public Pattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        incidents = List.copyOf(incidents);
        if (incidents.isEmpty()) {
            throw new IllegalArgumentException("a pattern has at least one incident");
        }
    }

    /** @return the worst severity of its incidents */
    public Severity severity() {
        Severity worst = incidents.get(0).severity();
        for (Incident i : incidents) {
            if (i.severity().compareTo(worst) < 0) {
                worst = i.severity();
            }
        }
        return worst;
    }

    /** @return how many refused processes of its incidents exited with a non-zero status */
    public int failures() {
        return incidents.stream().mapToInt(i -> i.failed().size()).sum();
    }

    /** @return how many findings its incidents hold */
    public int findingCount() {
        return incidents.stream().mapToInt(i -> i.findings().size()).sum();
    }

    /** @return when its first incident begins */
    public long firstAt() {
        long first = incidents.get(0).at();
        for (Incident i : incidents) {
            first = Math.min(first, i.at());
        }
        return first;
    }

    /** @return when its last incident begins */
    public long lastAt() {
        return incidents.stream().mapToLong(Incident::at).max().orElseThrow();
    }

    /** @return the incidents told in full as its examples: the first {@code n} in rank order */
    public List<Incident> examples(int n) {
        return incidents.subList(0, Math.min(n, incidents.size()));
    }
}
