package org.pmtriage.read.pml;

/** A process-table entry as stored: times are raw FILETIMEs (0 when unknown). */
record PmlProcess(int index, int pid, int parentPid, int parentIndex, long startFiletime, long endFiletime,
                  String name, String imagePath, String commandLine) {
}
