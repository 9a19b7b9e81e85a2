package org.pmtriage.pmc;

/** What a matching filter rule does: ProcMon stores 1 for include and 0 for exclude. */
public enum RuleAction {
    EXCLUDE("exclude"),
    INCLUDE("include");

    private final String label;

    RuleAction(String label) {
        this.label = label;
    }

    /** @return {@code include} or {@code exclude} */
    public String label() {
        return label;
    }
}
