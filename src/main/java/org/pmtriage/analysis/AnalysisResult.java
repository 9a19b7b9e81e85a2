package org.pmtriage.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.pmtriage.diagnosis.CaptureDiagnosis;

/**
 * The outcome of one pass.
 *
 * @param summary  what the pass saw
 * @param findings findings, most severe first, then in time order
 * @param counts   findings per kind, including any beyond what {@code findings} lists (refuted
 *                 spawn races and objects open at the end of a capture without CloseFile events
 *                 are counted, not listed)
 * @param raceGrades spawn races by grade id ({@code refuted}, {@code confirmed}...), listed or not
 * @param diagnosis  the runtimes the processes ran and the decoded stacks of the events findings cite
 */
public record AnalysisResult(CaptureSummary summary, List<Finding> findings, Map<FindingKind, Long> counts,
                             Map<String, Long> raceGrades, CaptureDiagnosis diagnosis) {

    public AnalysisResult {
        Objects.requireNonNull(summary, "summary");
        findings = List.copyOf(findings);
        counts = Map.copyOf(counts);
        raceGrades = Collections.unmodifiableMap(new LinkedHashMap<>(raceGrades));
        Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** A result without runtimes or stacks. */
    public AnalysisResult(CaptureSummary summary, List<Finding> findings, Map<FindingKind, Long> counts,
                          Map<String, Long> raceGrades) {
        this(summary, findings, counts, raceGrades, CaptureDiagnosis.NONE);
    }

    /** @return how many findings of that kind there were */
    public long count(FindingKind kind) {
        return counts.getOrDefault(kind, 0L);
    }
}
