package org.pmtriage.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the pass saw, independent of findings.
 *
 * @param events          events analyzed
 * @param operations      events per operation name, most frequent first
 * @param processes       process instances (a reused PID counts once per process)
 * @param firstTime       the first event's time (timeline ticks), or 0 without events
 * @param lastTime        the last event's time, or 0 without events
 * @param skippedRecords  malformed records the reader skipped
 * @param unmatchedCloses CloseFile events that matched no open file object
 * @param health          what the capture lacks for some kinds of verdict, empty when nothing
 */
public record CaptureSummary(long events, Map<String, Long> operations, long processes, long firstTime,
                             long lastTime, long skippedRecords, long unmatchedCloses,
                             List<HealthNote> health) {

    public CaptureSummary {
        health = List.copyOf(health);
        operations = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(operations, "operations")));
    }
}
