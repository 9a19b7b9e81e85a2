package org.pmtriage.analysis;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of finding, with the names reports and {@code --fail-on} use. */
public enum FindingKind {
    /** A file object closed by a process other than its opener. */
    INHERITED_HANDLE("inherited-handle"),
    /** A spawn shortly after a CreateFile whose object was still open. */
    SPAWN_RACE("spawn-race"),
    /** A CreateFile refused with SHARING VIOLATION, with who held the file. */
    SHARING_VIOLATION("sharing-violation"),
    /** A file object never closed within the capture. */
    OPEN_AT_END("open-at-end");

    private final String id;

    FindingKind(String id) {
        this.id = id;
    }

    /** @return the name used in reports, e.g. {@code inherited-handle} */
    public String id() {
        return id;
    }

    /**
     * @param id a name as {@link #id()} gives it
     * @return the kind, or empty when no kind has that name
     */
    public static Optional<FindingKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }
}
