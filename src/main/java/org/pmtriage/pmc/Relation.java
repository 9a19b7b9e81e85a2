package org.pmtriage.pmc;

/** How a filter rule compares a column with its value; the ordinal is ProcMon's code. */
public enum Relation {
    IS("is"),
    IS_NOT("is not"),
    LESS_THAN("less than"),
    MORE_THAN("more than"),
    BEGINS_WITH("begins with"),
    ENDS_WITH("ends with"),
    CONTAINS("contains"),
    EXCLUDES("excludes");

    private final String label;

    Relation(String label) {
        this.label = label;
    }

    /** @return the relation as ProcMon's filter dialog shows it */
    public String label() {
        return label;
    }
}
