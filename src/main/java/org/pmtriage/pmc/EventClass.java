package org.pmtriage.pmc;

/** The event classes a capture can keep, with the text ProcMon's Event Class column holds. */
public enum EventClass {
    FILE_SYSTEM("File System"),
    PROCESS("Process"),
    REGISTRY("Registry"),
    NETWORK("Network");

    private final String label;

    EventClass(String label) {
        this.label = label;
    }

    /** @return the value of ProcMon's Event Class column */
    public String label() {
        return label;
    }
}
