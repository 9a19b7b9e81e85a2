package org.pmtriage.diagnosis;

import java.util.Objects;

/**
 * The remedy chosen for a finding, and for whom.
 *
 * @param remedy     the entry of the remedies file
 * @param runtime    the runtime it was chosen for (the opener's, the server's, the holder's...)
 * @param shape      the finding's shape
 * @param conditional whether the entry is bounded by versions and the log does not give the
 *                   runtime's version, so that it applies only if the version is in its range
 */
public record RemedyChoice(Remedy remedy, RuntimeId runtime, FindingShape shape, boolean conditional) {

    public RemedyChoice {
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(shape, "shape");
    }

    /**
     * @return the remedy in one paragraph, e.g. {@code CPython 2.x and 3.0-3.3, cross-thread race:
     *         ... Sources: PEP 446; bpo-19575.}
     */
    public String text() {
        String condition = conditional ? " (if it is " + remedy.versions().text() + "; the log does not give the version)"
                : "";
        return remedy.title() + ", " + shape.label() + condition + ": " + remedy.text() + " Sources: "
                + remedy.sourcesText() + ".";
    }
}
