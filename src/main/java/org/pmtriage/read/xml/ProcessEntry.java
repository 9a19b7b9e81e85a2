package org.pmtriage.read.xml;

/**
 * One {@code <process>} of an XML processlist, as written.
 *
 * @param processIndex the ProcessIndex events refer to
 * @param pid          ProcessId
 * @param parentPid    ParentProcessId, or -1
 * @param parentIndex  ParentProcessIndex, or -1 (may name a process not in the list)
 * @param name         ProcessName
 * @param imagePath    ImagePath
 * @param commandLine  CommandLine
 * @param createTime   CreateTime: a raw FILETIME (100-ns ticks since 1601, UTC), 0 when unknown
 * @param finishTime   FinishTime, as above; 0 while the process was still running
 */
record ProcessEntry(int processIndex, int pid, int parentPid, int parentIndex, String name,
                    String imagePath, String commandLine, long createTime, long finishTime) {
}
