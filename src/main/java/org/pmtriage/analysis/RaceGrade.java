package org.pmtriage.analysis;

/**
 * How strongly the log supports a spawn race, from its own evidence. When several apply, the first
 * in declaration order wins.
 */
public enum RaceGrade {
    /** The log proves no child held a copy (the opener's own last close while every child lived). */
    REFUTED("refuted"),
    /** The object was later closed by this child, or a descendant through it, that never used it. */
    CONFIRMED("confirmed"),
    /** The child or a descendant used the object: a hand-over, as redirection does. */
    INTENDED("intended"),
    /** A directory handle, a read-only open with permissive sharing, or the child's own image. */
    BENIGN("benign"),
    /** Open and spawn on different threads, or the opener kept writing after the spawn. */
    LIKELY("likely"),
    /** Nothing above applies: open and spawn on one thread, or the log has no thread IDs. */
    POSSIBLE("possible");

    private final String id;

    RaceGrade(String id) {
        this.id = id;
    }

    /** @return the name used in reports, e.g. {@code confirmed} */
    public String id() {
        return id;
    }

    /**
     * The severity table of spawn races: grade by harm.
     *
     * @param harmful whether the object was written, shared restrictively or caused a sharing violation
     * @return the severity of a race of this grade
     */
    public Severity severity(boolean harmful) {
        return switch (this) {
            case CONFIRMED -> harmful ? Severity.ERROR : Severity.WARNING;
            case LIKELY -> Severity.WARNING;
            case POSSIBLE -> harmful ? Severity.WARNING : Severity.INFO;
            case INTENDED, BENIGN, REFUTED -> Severity.INFO;
        };
    }
}
