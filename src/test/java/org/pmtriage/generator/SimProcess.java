package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.generator.CaptureTruth.Proc;

/**
 * A simulated process: identity, lineage and lifetime, mutable only in its end time, its clock and
 * the directory handles it holds.
 */
final class SimProcess {

    final int index;
    final int pid;
    final int parentPid;
    final int parentIndex;
    final String name;
    final String imagePath;
    final String commandLine;
    final long startTime;
    final int mainTid;
    /** The parent when it is simulated, else null. */
    final SimProcess parent;
    /** When the parent logged this process's Process Create (its start for processes seen running). */
    final long createdAt;
    /** Directory handles this process holds, its own and inherited (with current-directory opens). */
    final List<DirectoryHandles.Handle> held = new ArrayList<>(2);
    long endTime = ProcessInfo.UNKNOWN_TIME;
    /** Time of the process's latest planned event, used by the scripts as a cursor. */
    long clock;

    SimProcess(int index, int pid, SimProcess parent, int parentPid, String imagePath,
               String commandLine, long createdAt, long startTime, int mainTid) {
        this.parent = parent;
        this.createdAt = createdAt;
        this.index = index;
        this.pid = pid;
        this.parentPid = parent == null ? parentPid : parent.pid;
        this.parentIndex = parent == null ? Event.UNKNOWN : parent.index;
        this.imagePath = imagePath;
        this.name = imagePath.substring(imagePath.lastIndexOf('\\') + 1);
        this.commandLine = commandLine;
        this.startTime = startTime;
        this.mainTid = mainTid;
    }

    Proc ref() {
        return new Proc(pid, name);
    }

    ProcessInfo info() {
        return new ProcessInfo(index, pid, parentPid, parentIndex, name, imagePath, commandLine, startTime, endTime);
    }
}
