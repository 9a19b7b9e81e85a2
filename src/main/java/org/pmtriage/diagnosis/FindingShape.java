package org.pmtriage.diagnosis;

/** What a finding looks like, as far as its remedy is concerned. */
public enum FindingShape {
    /** A file open in one thread leaked into a child another thread of the same process spawned. */
    CROSS_THREAD_RACE("cross-thread-race", "cross-thread race"),
    /** A file open in a process leaked into a child it spawned, on the same thread or threads unknown. */
    SPAWN_LEAK("spawn-leak", "leak into a child"),
    /** A handle handed over to a build step (a redirect) copied on into a server that outlives it. */
    REDIRECT_INTO_SERVER("redirect-into-server", "redirect leaking into a server"),
    /** A long-lived build server holding a file it opened itself. */
    SERVER_HOLDING("server-holding", "server holding a file"),
    /** An antivirus scanner or an indexer holding a new file. */
    SCANNER_HOLDING("scanner-holding", "scanner holding a new file"),
    /** The file is the image or a loaded module of a live process. */
    RUNNING_IMAGE("running-image", "running image");

    private final String id;
    private final String label;

    FindingShape(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the name used in JSON and in the remedies file */
    public String id() {
        return id;
    }

    /** @return the name shown to people */
    public String label() {
        return label;
    }

    /**
     * @return the shape of that name
     * @throws IllegalArgumentException for an unknown name
     */
    public static FindingShape byId(String id) {
        for (FindingShape s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown finding shape: " + id);
    }
}
