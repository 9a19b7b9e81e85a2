package org.pmtriage.incident;

import java.util.List;
import java.util.Objects;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;

/**
 * Findings that tell one story: a file object that leaked or raced, the spawns that carried it,
 * the sharing violations it explains and the processes that failed. A sharing violation that no
 * leak or race explains leads its own incident, with the others its holder caused.
 *
 * @param id         {@code i1}, {@code i2}... in rank order within the log
 * @param lead       the finding the story is told from (the inherited handle, else the race,
 *                   else the sharing violation, else the object open at the end)
 * @param findings   every finding of the story, the lead first, then in the result's order
 * @param violations the sharing violations among them, in time order
 * @param failed     refused processes that exited with a non-zero status, in time order
 * @param key        the pattern it folds into
 */
public record Incident(String id, Finding lead, List<Finding> findings, List<SharingViolation> violations,
                       List<ProcessRef> failed, PatternKey key) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(key, "key");
        findings = List.copyOf(findings);
        violations = List.copyOf(violations);
        failed = List.copyOf(failed);
    }

    /** @return the worst severity of its findings */
    public Severity severity() {
        // loops, not streams: asked of every incident of a log, for its rank and its pattern's
        Severity worst = lead.severity();
        for (Finding f : findings) {
            if (f.severity().compareTo(worst) < 0) {
                worst = f.severity();
            }
        }
        return worst;
    }

    /** @return when the story begins: its earliest finding's time */
    public long at() {
        long first = lead.at();
        for (Finding f : findings) {
            first = Math.min(first, f.at());
        }
        return first;
    }

    /**
     * @return the story in one sentence; written when asked, as a report tells only some of a
     *         capture's incidents in full
     */
    public String headline() {
        return Headline.of(lead, violations);
    }

    /** @return the file the story is about */
    public String path() {
        return lead.path();
    }

    Incident withId(String newId) {
        return new Incident(newId, lead, findings, violations, failed, key);
    }
}
