package org.pmtriage.analysis;

import java.util.Locale;

/** How bad a finding is; declared most severe first. */
public enum Severity {
    /** A defect: a leaked handle, a sharing violation. */
    ERROR,
    /** Likely trouble: a spawn race. */
    WARNING,
    /** Worth knowing: intended hand-overs, objects still open at the end. */
    INFO;

    /** @return the name used in reports, e.g. {@code error} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
