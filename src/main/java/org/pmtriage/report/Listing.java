package org.pmtriage.report;

/**
 * How much a report lists; what it does not list it counts.
 *
 * @param incidents incidents told in full in text (error ones, most harmful first; the rest are
 *                  summarized by pattern), {@link Integer#MAX_VALUE} for every incident of any
 *                  severity
 * @param findings  which findings and incidents the JSON report lists
 */
public record Listing(int incidents, Findings findings) {

    /** Incidents told in full unless told otherwise. */
    public static final int DEFAULT_INCIDENTS = 10;
    /** What reports list unless told otherwise. */
    public static final Listing DEFAULT = new Listing(DEFAULT_INCIDENTS, Findings.FOLDED);

    /** Which findings the JSON report lists. */
    public enum Findings {
        /** Errors and warnings; info findings (and incidents) are counted in their patterns. */
        FOLDED,
        /** Every finding and incident. */
        ALL
    }

    public Listing {
        if (incidents < 0) {
            throw new IllegalArgumentException("incidents must be 0 or more");
        }
        java.util.Objects.requireNonNull(findings, "findings");
    }

    /** @return whether text tells every incident in full */
    public boolean all() {
        return incidents == Integer.MAX_VALUE;
    }
}
