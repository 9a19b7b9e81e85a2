package org.pmtriage.read.xml;

import java.util.List;

import org.pmtriage.event.Module;
import org.pmtriage.event.ProcessColumns;

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
 * @param columns      Owner, Integrity, CompanyName, Description, Version, AuthenticationId,
 *                     IsVirtualized, Is64bit
 * @param modules      the modulelist, as far as its budget kept it
 */
record ProcessEntry(int processIndex, int pid, int parentPid, int parentIndex, String name,
                    String imagePath, String commandLine, long createTime, long finishTime,
                    ProcessColumns columns, List<Module> modules) {
}
