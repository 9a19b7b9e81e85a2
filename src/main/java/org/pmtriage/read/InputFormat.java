package org.pmtriage.read;

import java.util.Locale;

/** The log formats pmtriage reads. */
public enum InputFormat {
    /** ProcMon's CSV export. */
    CSV,
    /** ProcMon's XML export. */
    XML,
    /** ProcMon's native log. */
    PML;

    /** @return the name used in reports, e.g. {@code csv} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
