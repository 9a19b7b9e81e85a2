package org.pmtriage.read.pml;

import java.util.List;

import org.pmtriage.event.Module;
import org.pmtriage.event.ProcessColumns;

/** A process-table entry as stored: times are raw FILETIMEs (0 when unknown). */
record PmlProcess(int index, int pid, int parentPid, int parentIndex, long startFiletime, long endFiletime,
                  String name, String imagePath, String commandLine, ProcessColumns columns, List<Module> modules) {

    /** @return this entry under another index, with another parent index and end time */
    PmlProcess with(int newIndex, int newParentIndex, long newEndFiletime) {
        return new PmlProcess(newIndex, pid, parentPid, newParentIndex, startFiletime, newEndFiletime, name, imagePath,
                commandLine, columns, modules);
    }
}
