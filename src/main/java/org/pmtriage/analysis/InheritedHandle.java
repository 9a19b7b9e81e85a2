package org.pmtriage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A file object closed (its last handle, CloseFile) by a process other than the one that opened
 * it: the handle was inherited along {@link #chain()}.
 *
 * @param path       the file
 * @param verdict    {@link Verdict#LEAKED} when nobody along the chain used the handle
 * @param open       the CreateFile
 * @param closer     the process whose CloseFile released the object
 * @param closedAt   when (timeline ticks)
 * @param closeRecord record number of the CloseFile event
 * @param chain      the spawns from the opener down to the closer, in order (never empty)
 * @param usedBy     processes along the chain that did I/O on the file while they could hold it
 */
public record InheritedHandle(String path, Verdict verdict, FileOpen open, ProcessRef closer,
                              long closedAt, long closeRecord, List<Spawn> chain,
                              List<ProcessRef> usedBy) implements Finding {

    /** Whether the inheritance looks intended. */
    public enum Verdict {
        /** Nobody along the chain used the handle: it only kept the file open. */
        LEAKED("leaked"),
        /** A process along the chain used it, as stdio redirection does. */
        HANDED_OVER("handed-over");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        /** @return the name used in reports */
        public String id() {
            return id;
        }
    }

    public InheritedHandle {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(closer, "closer");
        chain = List.copyOf(chain);
        usedBy = List.copyOf(usedBy);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("an inherited handle has at least one spawn");
        }
    }

    @Override
    public FindingKind kind() {
        return FindingKind.INHERITED_HANDLE;
    }

    @Override
    public Severity severity() {
        return verdict == Verdict.LEAKED ? Severity.ERROR : Severity.INFO;
    }

    @Override
    public long at() {
        return open.at();
    }

    /** @return ticks from the CreateFile to the spawn that carried the handle out of the opener */
    public long spawnGap() {
        return chain.get(0).at() - open.at();
    }
}
