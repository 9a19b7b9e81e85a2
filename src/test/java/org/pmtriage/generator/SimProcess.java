package org.pmtriage.generator;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.generator.CaptureTruth.Proc;

/** A simulated process: identity, lineage and lifetime, mutable only in its end time. */
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
    long endTime = ProcessInfo.UNKNOWN_TIME;
    /** Time of the process's latest planned event, used by the scripts as a cursor. */
    long clock;

    SimProcess(int index, int pid, SimProcess parent, int parentPid, String imagePath,
               String commandLine, long startTime, int mainTid) {
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
