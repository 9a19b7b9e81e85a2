package org.pmtriage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A file object never closed within the capture.
 *
 * @param path        the file
 * @param open        its CreateFile
 * @param inheritedBy spawns after the open through which other processes may hold it
 */
public record OpenAtEnd(String path, FileOpen open, List<Spawn> inheritedBy) implements Finding {

    public OpenAtEnd {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(open, "open");
        inheritedBy = List.copyOf(inheritedBy);
    }

    @Override
    public FindingKind kind() {
        return FindingKind.OPEN_AT_END;
    }

    @Override
    public Severity severity() {
        return Severity.INFO;
    }

    @Override
    public long at() {
        return open.at();
    }
}
