package org.pmtriage.event;

import java.util.Map;

/**
 * What an event means for handle analysis. ProcMon's operation names (and the raw IRP names that
 * "Enable Advanced Output" writes) map onto these; everything else is {@link #OTHER}.
 */
public enum Operation {
    /** CreateFile / IRP_MJ_CREATE: opens a file object (when it succeeds). */
    CREATE_FILE,
    /** CloseFile / IRP_MJ_CLEANUP: the last handle to a file object was closed. */
    CLOSE_FILE,
    /** ReadFile / IRP_MJ_READ. */
    READ_FILE,
    /** WriteFile / IRP_MJ_WRITE. */
    WRITE_FILE,
    /** Any other file-system operation made through an open handle (query, set, lock, flush...). */
    FILE_IO,
    /** Process Create: logged in the parent, Path is the child's image. */
    PROCESS_CREATE,
    /** Process Start: the first event of the child. */
    PROCESS_START,
    /** Process Exit: the last event of a process. */
    PROCESS_EXIT,
    /** Load Image: an image mapped into the process; Path is the image, Detail its base and size. */
    LOAD_IMAGE,
    /** Everything else (registry, network, threads, IRP_MJ_CLOSE, profiling...). */
    OTHER;

    private static final Map<String, Operation> BY_NAME = Map.ofEntries(
            Map.entry("CreateFile", CREATE_FILE),
            Map.entry("IRP_MJ_CREATE", CREATE_FILE),
            Map.entry("CloseFile", CLOSE_FILE),
            Map.entry("IRP_MJ_CLEANUP", CLOSE_FILE),
            Map.entry("ReadFile", READ_FILE),
            Map.entry("IRP_MJ_READ", READ_FILE),
            Map.entry("WriteFile", WRITE_FILE),
            Map.entry("IRP_MJ_WRITE", WRITE_FILE),
            Map.entry("Process Create", PROCESS_CREATE),
            Map.entry("Process Start", PROCESS_START),
            Map.entry("Process Exit", PROCESS_EXIT),
            Map.entry("Load Image", LOAD_IMAGE),
            Map.entry("LockFile", FILE_IO),
            Map.entry("UnlockFileSingle", FILE_IO),
            Map.entry("UnlockFileAll", FILE_IO),
            Map.entry("FlushBuffersFile", FILE_IO),
            Map.entry("IRP_MJ_FLUSH_BUFFERS", FILE_IO),
            Map.entry("IRP_MJ_LOCK_CONTROL", FILE_IO),
            Map.entry("IRP_MJ_SET_INFORMATION", FILE_IO),
            Map.entry("IRP_MJ_QUERY_INFORMATION", FILE_IO),
            Map.entry("CreateFileMapping", FILE_IO),
            Map.entry("SetEndOfFileInformationFile", FILE_IO),
            Map.entry("SetAllocationInformationFile", FILE_IO),
            Map.entry("SetBasicInformationFile", FILE_IO),
            Map.entry("SetDispositionInformationFile", FILE_IO),
            Map.entry("SetDispositionInformationEx", FILE_IO),
            Map.entry("SetRenameInformationFile", FILE_IO),
            Map.entry("SetRenameInformationEx", FILE_IO),
            Map.entry("SetPositionInformationFile", FILE_IO),
            Map.entry("QueryStandardInformationFile", FILE_IO),
            Map.entry("QueryBasicInformationFile", FILE_IO),
            Map.entry("QueryAllInformationFile", FILE_IO),
            Map.entry("QueryNetworkOpenInformationFile", FILE_IO),
            Map.entry("QueryEaInformationFile", FILE_IO),
            Map.entry("QueryNameInformationFile", FILE_IO),
            Map.entry("QueryPositionInformationFile", FILE_IO),
            Map.entry("QueryAttributeTagFile", FILE_IO),
            Map.entry("QueryStreamInformationFile", FILE_IO),
            Map.entry("QueryCompressionInformationFile", FILE_IO),
            Map.entry("QueryIdInformation", FILE_IO),
            Map.entry("QuerySecurityFile", FILE_IO),
            Map.entry("SetSecurityFile", FILE_IO));

    /**
     * Maps a ProcMon operation name to its meaning.
     *
     * @param name the Operation column as written in the log, never null
     * @return the operation, {@link #OTHER} for names that do not matter to handle analysis
     */
    public static Operation of(String name) {
        return BY_NAME.getOrDefault(name, OTHER);
    }

    /** @return true for Process Create, Process Start and Process Exit */
    public boolean isProcess() {
        return this == PROCESS_CREATE || this == PROCESS_START || this == PROCESS_EXIT;
    }

    /** @return true for operations that act on an already open handle (reads, writes, queries...) */
    public boolean usesHandle() {
        return this == READ_FILE || this == WRITE_FILE || this == FILE_IO;
    }
}
