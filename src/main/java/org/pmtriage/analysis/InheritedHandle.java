package org.pmtriage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A file object closed (its last handle, CloseFile) by a process other than the one that opened
 * it: the handle was inherited along {@link #chain()}.
 *
 * @param path        the file
 * @param verdict     whether the copies along the chain were used
 * @param open        the CreateFile
 * @param closer      the process whose CloseFile released the object
 * @param closedAt    when (timeline ticks)
 * @param closeRecord record number of the CloseFile event
 * @param chain       the spawns from the opener down to the closer, in order (never empty)
 * @param usedBy      processes along the chain that did I/O on the file while they could hold it
 * @param evidence    how the chain is known: spawns in the log, or only the Parent PID column
 * @param severity    by harm: see {@code docs/detection.md}
 * @param reason      one sentence: what decided the verdict and the severity, and what the log lacks
 */
public record InheritedHandle(String path, Verdict verdict, FileOpen open, ProcessRef closer,
                              long closedAt, long closeRecord, List<Spawn> chain,
                              List<ProcessRef> usedBy, Evidence evidence, Severity severity,
                              String reason) implements Finding {

    /** Whether the inheritance looks intended. */
    public enum Verdict {
        /** Nobody along the chain used the handle: it only kept the file open. */
        LEAKED("leaked"),
        /** The closer, or a process along the chain after which only users came, used it: redirection. */
        HANDED_OVER("handed-over"),
        /** Handed to a process that used it, then copied on into one that never did (a server). */
        LEAKED_AFTER_HAND_OVER("leaked-after-hand-over");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        /** @return the name used in reports */
        public String id() {
            return id;
        }
    }

    /** How the spawns that carried the object are known. */
    public enum Evidence {
        /** Process Create or Start events (or the log's process table) link every step. */
        SPAWNS("spawns"),
        /** Only the Parent PID column links the closer to the opener: a possible inheritance. */
        PARENT_PID("parent-pid");

        private final String id;

        Evidence(String id) {
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
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reason, "reason");
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
    public long at() {
        return open.at();
    }

    /** @return ticks from the CreateFile to the spawn that carried the handle out of the opener */
    public long spawnGap() {
        return chain.get(0).at() - open.at();
    }
}
