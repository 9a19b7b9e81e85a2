package org.pmtriage.analysis;

import java.util.Objects;

/**
 * A process created a child shortly after it opened a file whose object was still open, so the
 * child may have inherited the handle.
 *
 * @param path      the file
 * @param open      the CreateFile
 * @param spawn     the Process Create that followed it
 * @param spawnTid  the thread that created the child, or -1 when unknown
 * @param confirmed whether the object later turned out to be closed by another process
 */
public record SpawnRace(String path, FileOpen open, Spawn spawn, int spawnTid, boolean confirmed)
        implements Finding {

    public SpawnRace {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(spawn, "spawn");
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SPAWN_RACE;
    }

    @Override
    public Severity severity() {
        return Severity.WARNING;
    }

    @Override
    public long at() {
        return open.at();
    }

    /** @return ticks from the CreateFile to the Process Create */
    public long gap() {
        return spawn.at() - open.at();
    }
}
