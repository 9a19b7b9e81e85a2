package org.pmtriage.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One process instance: a PID plus a lifetime. Mutable while the pass runs; findings see it
 * through {@link #ref()}.
 */
final class ProcessNode {

    final int pid;
    String name;
    String commandLine;
    /** The parent while the spawn is not yet linked; null after, so that no ancestor is kept alive. */
    ProcessNode parent;
    long startedAt = ProcessRef.UNKNOWN_TIME;
    long exitedAt = ProcessRef.UNKNOWN_TIME;
    long exitStatus = ProcessRef.UNKNOWN_STATUS;
    /** Saw its Process Start (or it comes from the log's process table). */
    boolean started;
    /** Saw at least one event of its own. */
    boolean seen;
    /** Counted among the capture's processes. */
    boolean counted;
    /** Its spawn was already given to the handle tracker. */
    boolean linked;
    /** File objects it opened that are still open. */
    final Set<FileObject> owned = new LinkedHashSet<>();
    /** File objects of its ancestors that were open when it was spawned. */
    List<FileObject> inherited = List.of();

    ProcessNode(int pid, String name, String commandLine) {
        this.pid = pid;
        this.name = name;
        this.commandLine = commandLine;
    }

    boolean exited() {
        return exitedAt != ProcessRef.UNKNOWN_TIME;
    }

    boolean aliveAt(long time) {
        return exitedAt == ProcessRef.UNKNOWN_TIME || exitedAt > time;
    }

    ProcessRef ref() {
        return new ProcessRef(pid, name, commandLine, startedAt, exitedAt, exitStatus);
    }
}
