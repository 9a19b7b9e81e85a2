package org.pmtriage.incident;

import org.pmtriage.analysis.Severity;

/**
 * An incident or a pattern with what it is ranked by, worked out once rather than in every
 * comparison of the sort: most severe first, then most failed processes, then the most of what it
 * counts (refused opens of an incident, incidents of a pattern), then earliest. The sort is stable
 * ({@code Collections.sort}): ties keep the order they came in.
 *
 * @param item     the incident or pattern
 * @param severity its worst severity
 * @param failures how many refused processes exited with a non-zero status
 * @param count    refused opens of an incident, incidents of a pattern
 * @param at       when it begins
 * @param <T>      {@link Incident} or {@link Pattern}
 */
record Ranked<T>(T item, Severity severity, int failures, int count, long at) implements Comparable<Ranked<T>> {

    /** @return the incident with what it is ranked by */
    static Ranked<Incident> of(Incident incident) {
        return new Ranked<>(incident, incident.severity(), incident.failed().size(), incident.violations().size(),
                incident.at());
    }

    /** @return the pattern with what it is ranked by */
    static Ranked<Pattern> of(Pattern pattern) {
        return new Ranked<>(pattern, pattern.severity(), pattern.failures(), pattern.incidents().size(),
                pattern.firstAt());
    }

    @Override
    public int compareTo(Ranked<T> other) {
        int c = severity.compareTo(other.severity);
        if (c == 0) {
            c = Integer.compare(other.failures, failures);
        }
        if (c == 0) {
            c = Integer.compare(other.count, count);
        }
        return c != 0 ? c : Long.compare(at, other.at);
    }
}
