package org.pmtriage.analysis;

import java.util.Objects;

/**
 * A process created a child shortly after it opened a file whose object was still open, so the
 * child may have inherited the handle; graded by what the rest of the log shows.
 *
 * @param path      the file
 * @param open      the CreateFile
 * @param spawn     the Process Create that followed it (or, within the timing tolerance, preceded it)
 * @param spawnTid  the thread that created the child, or -1 when unknown
 * @param grade     how strongly the log supports that the child got the handle
 * @param reason    one sentence: the rows that decided the grade
 * @param harmful   whether the object was written, shared restrictively or caused a sharing violation
 * @param openAtSpawnShown whether the log can show the object still open when the child was created:
 *                  false in a capture without CloseFile events, where every object looks open forever,
 *                  and then the race is at most informational
 */
public record SpawnRace(String path, FileOpen open, Spawn spawn, int spawnTid, RaceGrade grade, String reason,
                        boolean harmful, boolean openAtSpawnShown) implements Finding {

    public SpawnRace {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(spawn, "spawn");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SPAWN_RACE;
    }

    @Override
    public Severity severity() {
        return openAtSpawnShown ? grade.severity(harmful) : Severity.INFO;
    }

    @Override
    public long at() {
        return open.at();
    }

    /** @return whether the child that carried the object is proven to have held it (grade confirmed) */
    public boolean confirmed() {
        return grade == RaceGrade.CONFIRMED;
    }

    /** @return ticks from the CreateFile to the Process Create; negative when the rows came the other way */
    public long gap() {
        return spawn.at() - open.at();
    }
}
