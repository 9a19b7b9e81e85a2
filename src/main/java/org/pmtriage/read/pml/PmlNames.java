package org.pmtriage.read.pml;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ProcMon's display names for PML operation codes (basic output, as its exports write them) and
 * NTSTATUS results. Names are constants, so events share them instead of allocating strings.
 * The tables follow PML-FORMAT.md §9 and §13; the sub-operation names agree with procmon-parser's
 * (MIT) tables and were checked against ProcMon's CSV exports in the oracle tests.
 */
final class PmlNames {

    static final int CLASS_PROCESS = 1;
    static final int CLASS_REGISTRY = 2;
    static final int CLASS_FILE_SYSTEM = 3;
    static final int CLASS_PROFILING = 4;
    static final int CLASS_NETWORK = 5;

    static final String UNKNOWN_SUB_OPERATION = "<Unknown>";

    private static final String[] PROCESS = {"Process Defined", "Process Create", "Process Exit", "Thread Create",
        "Thread Exit", "Load Image", "Thread Profile", "Process Start", "Process Statistics", "System Statistics"};
    private static final String[] REGISTRY = {"RegOpenKey", "RegCreateKey", "RegCloseKey", "RegQueryKey",
        "RegSetValue", "RegQueryValue", "RegEnumValue", "RegEnumKey", "RegSetInfoKey", "RegDeleteKey",
        "RegDeleteValue", "RegFlushKey", "RegLoadKey", "RegUnloadKey", "RegRenameKey", "RegQueryMultipleValueKey",
        "RegSetKeySecurity", "RegQueryKeySecurity"};
    private static final String[] PROFILING = {"Thread Profiling", "Process Profiling", "Debug Output Profiling"};
    private static final String[] NETWORK = {"Unknown", "Other", "Send", "Receive", "Accept", "Connect",
        "Disconnect", "Reconnect", "Retransmit", "TCPCopy"};
    private static final String[][] NETWORK_BY_PROTOCOL = {prefixed("UDP "), prefixed("TCP ")};
    private static final String[] FILE_SYSTEM = {"VolumeDismount", "VolumeMount", "FASTIO_MDL_WRITE_COMPLETE",
        "WriteFile", "FASTIO_MDL_READ_COMPLETE", "ReadFile", "QueryOpen", "FASTIO_CHECK_IF_POSSIBLE", "IRP_MJ_12",
        "IRP_MJ_11", "IRP_MJ_10", "IRP_MJ_9", "IRP_MJ_8", "FASTIO_NOTIFY_STREAM_FO_CREATION",
        "FASTIO_RELEASE_FOR_CC_FLUSH", "FASTIO_ACQUIRE_FOR_CC_FLUSH", "FASTIO_RELEASE_FOR_MOD_WRITE",
        "FASTIO_ACQUIRE_FOR_MOD_WRITE", "FASTIO_RELEASE_FOR_SECTION_SYNCHRONIZATION", "CreateFileMapping",
        "CreateFile", "CreatePipe", "IRP_MJ_CLOSE", "ReadFile", "WriteFile", "QueryInformationFile",
        "SetInformationFile", "QueryEAFile", "SetEAFile", "FlushBuffersFile", "QueryVolumeInformation",
        "SetVolumeInformation", "DirectoryControl", "FileSystemControl", "DeviceIoControl",
        "InternalDeviceIoControl", "Shutdown", "LockUnlockFile", "CloseFile", "CreateMailSlot", "QuerySecurityFile",
        "SetSecurityFile", "Power", "SystemControl", "DeviceChange", "QueryFileQuota", "SetFileQuota",
        "PlugAndPlay"};

    static final int FS_CREATE_FILE = 20;
    static final int FS_READ_FILE = 23;
    static final int FS_WRITE_FILE = 24;
    static final int FS_DIRECTORY_CONTROL = 32;
    static final int FS_CLOSE_FILE = 38;

    private static final Map<Integer, String[]> SUB_OPERATIONS = Map.of(
            25, table(0x4, "QueryBasicInformationFile", 0x5, "QueryStandardInformationFile",
                    0x6, "QueryFileInternalInformationFile", 0x7, "QueryEaInformationFile",
                    0x9, "QueryNameInformationFile", 0xe, "QueryPositionInformationFile",
                    0x12, "QueryAllInformationFile", 0x14, "QueryEndOfFile", 0x16, "QueryStreamInformationFile",
                    0x1c, "QueryCompressionInformationFile", 0x1d, "QueryId",
                    0x1f, "QueryMoveClusterInformationFile", 0x22, "QueryNetworkOpenInformationFile",
                    0x23, "QueryAttributeTagFile", 0x25, "QueryIdBothDirectory", 0x27, "QueryValidDataLength",
                    0x28, "QueryShortNameInformationFile", 0x2b, "QueryIoPiorityHint", 0x2e, "QueryLinks",
                    0x30, "QueryNormalizedNameInformationFile", 0x31, "QueryNetworkPhysicalNameInformationFile",
                    0x32, "QueryIdGlobalTxDirectoryInformation", 0x33, "QueryIsRemoteDeviceInformation",
                    0x34, "QueryAttributeCacheInformation", 0x35, "QueryNumaNodeInformation",
                    0x36, "QueryStandardLinkInformation", 0x37, "QueryRemoteProtocolInformation",
                    0x38, "QueryRenameInformationBypassAccessCheck", 0x39, "QueryLinkInformationBypassAccessCheck",
                    0x3a, "QueryVolumeNameInformation", 0x3b, "QueryIdInformation",
                    0x3c, "QueryIdExtdDirectoryInformation", 0x3e, "QueryHardLinkFullIdInformation",
                    0x3f, "QueryIdExtdBothDirectoryInformation", 0x43, "QueryDesiredStorageClassInformation",
                    0x44, "QueryStatInformation", 0x45, "QueryMemoryPartitionInformation"),
            26, table(0x4, "SetBasicInformationFile", 0xa, "SetRenameInformationFile", 0xb, "SetLinkInformationFile",
                    0xd, "SetDispositionInformationFile", 0xe, "SetPositionInformationFile",
                    0x13, "SetAllocationInformationFile", 0x14, "SetEndOfFileInformationFile",
                    0x16, "SetFileStreamInformation", 0x17, "SetPipeInformation",
                    0x27, "SetValidDataLengthInformationFile", 0x28, "SetShortNameInformation",
                    0x3d, "SetReplaceCompletionInformation", 0x40, "SetDispositionInformationEx",
                    0x41, "SetRenameInformationEx", 0x42, "SetRenameInformationExBypassAccessCheck"),
            30, table(1, "QueryInformationVolume", 2, "QueryLabelInformationVolume", 3, "QuerySizeInformationVolume",
                    4, "QueryDeviceInformationVolume", 5, "QueryAttributeInformationVolume",
                    6, "QueryControlInformationVolume", 7, "QueryFullSizeInformationVolume",
                    8, "QueryObjectIdInformationVolume"),
            31, table(1, "SetControlInformationVolume", 2, "SetLabelInformationVolume",
                    8, "SetObjectIdInformationVolume"),
            32, table(1, "QueryDirectory", 2, "NotifyChangeDirectory"),
            37, table(1, "LockFile", 2, "UnlockFileSingle", 3, "UnlockFileAll", 4, "UnlockFileByKey"),
            47, table(0, "StartDevice", 1, "QueryRemoveDevice", 2, "RemoveDevice", 3, "CancelRemoveDevice",
                    4, "StopDevice", 5, "QueryStopDevice", 6, "CancelStopDevice", 7, "QueryDeviceRelations",
                    8, "QueryInterface", 9, "QueryCapabilities", 0xa, "QueryResources",
                    0xb, "QueryResourceRequirements", 0xc, "QueryDeviceText", 0xd, "FilterResourceRequirements",
                    0xf, "ReadConfig", 0x10, "WriteConfig", 0x11, "Eject", 0x12, "SetLock", 0x13, "QueryId2",
                    0x14, "QueryPnpDeviceState", 0x15, "QueryBusInformation", 0x16, "DeviceUsageNotification",
                    0x17, "SurpriseRemoval", 0x18, "QueryLegacyBusInformation"));

    /** NTSTATUS to ProcMon's text; package-private so the test writer can map texts back. */
    static final Map<Integer, String> RESULTS;
    /** Texts made for codes outside the table, kept (up to a bound) so events share them. */
    private static final Map<Integer, String> UNKNOWN_RESULTS = new HashMap<>();
    private static final int MAX_UNKNOWN_RESULTS = 4096;

    static {
        Object[] r = {0, "SUCCESS", 0x103, "", 0x104, "REPARSE", 0x105, "MORE ENTRIES",
            0x108, "OPLOCK BREAK IN PROGRESS", 0x10b, "NOTIFY CLEANUP", 0x10c, "NOTIFY ENUM DIR",
            0x12a, "FILE LOCKED WITH ONLY READERS", 0x12b, "FILE LOCKED WITH WRITERS",
            0x215, "OPLOCK SWITCHED TO NEW HANDLE", 0x216, "OPLOCK HANDLE CLOSED", 0x367, "WAIT FOR OPLOCK",
            0x40000016, "PREDEFINED HANDLE", 0x80000002, "DATATYPE MISALIGNMENT", 0x80000005, "BUFFER OVERFLOW",
            0x80000006, "NO MORE FILES", 0x80000015, "INVALID EA FLAG", 0x8000001a, "NO MORE ENTRIES",
            0xc0000001, "UNSUCCESSFUL", 0xc0000002, "NOT IMPLEMENTED", 0xc0000003, "INVALID INFO CLASS",
            0xc0000004, "INFO LENGTH MISMATCH", 0xc0000005, "ACCESS VIOLATION", 0xc0000006, "IN PAGE ERROR",
            0xc0000008, "INVALID HANDLE", 0xc000000d, "INVALID PARAMETER", 0xc000000e, "NO SUCH DEVICE",
            0xc000000f, "NO SUCH FILE", 0xc0000010, "INVALID DEVICE REQUEST", 0xc0000011, "END OF FILE",
            0xc0000012, "WRONG VOLUME", 0xc0000013, "NO MEDIA", 0xc0000015, "NONEXISTENT SECTOR",
            0xc0000017, "NO MEMORY", 0xc0000021, "ALREADY COMMITED", 0xc0000022, "ACCESS DENIED",
            0xc0000023, "BUFFER TOO SMALL", 0xc0000024, "OBJECT TYPE MISMATCH", 0xc0000032, "DISK CORRUPT",
            0xc0000033, "NAME INVALID", 0xc0000034, "NAME NOT FOUND", 0xc0000035, "NAME COLLISION",
            0xc0000039, "OBJECT PATH INVALID", 0xc000003a, "PATH NOT FOUND", 0xc000003b, "PATH SYNTAX BAD",
            0xc000003c, "DATA OVERRUN", 0xc000003f, "CRC ERROR", 0xc0000043, "SHARING VIOLATION",
            0xc0000044, "QUOTA EXCEEDED", 0xc000004f, "EAS NOT SUPPORTED", 0xc0000050, "EA TOO LARGE",
            0xc0000051, "NONEXISTENT EA ENTRY", 0xc0000052, "NO EAS ON FILE", 0xc0000053, "EA CORRUPTED ERROR",
            0xc0000054, "FILE LOCK CONFLICT", 0xc0000055, "NOT GRANTED", 0xc0000056, "DELETE PENDING",
            0xc0000061, "PRIVILEGE NOT HELD", 0xc000006d, "LOGON FAILURE", 0xc000007e, "RANGE NOT LOCKED",
            0xc000007f, "DISK FULL", 0xc0000098, "FILE INVALID", 0xc000009a, "INSUFFICIENT RESOURCES",
            0xc000009c, "DEVICE DATA ERROR", 0xc000009d, "DEVICE NOT CONNECTED", 0xc00000a2, "MEDIA WRITE PROTECTED",
            0xc00000a5, "BAD IMPERSONATION", 0xc00000ab, "INSTANCE NOT AVAILABLE", 0xc00000ac, "PIPE NOT AVAILABLE",
            0xc00000ad, "INVALID PIPE STATE", 0xc00000ae, "PIPE BUSY", 0xc00000b0, "PIPE DISCONNECTED",
            0xc00000b1, "PIPE CLOSING", 0xc00000b2, "PIPE CONNECTED", 0xc00000b3, "PIPE LISTENING",
            0xc00000b4, "INVALID READ MODE", 0xc00000b5, "IO TIMEOUT", 0xc00000ba, "IS DIRECTORY",
            0xc00000bb, "NOT SUPPORTED", 0xc00000bd, "DUPLICATE NAME", 0xc00000be, "BAD NETWORK PATH",
            0xc00000c1, "BAD NETWORK PATH", 0xc00000c3, "INVALID NETWORK RESPONSE", 0xc00000c4, "NETWORK ERROR",
            0xc00000cc, "BAD NETWORK NAME", 0xc00000d4, "BAD NETWORK NAME", 0xc00000d8, "CANT WAIT",
            0xc00000d9, "PIPE EMPTY", 0xc00000db, "CSC OBJECT PATH NOT FOUND", 0xc00000e2, "OPLOCK NOT GRANTED",
            0xc00000ef, "INVALID PARAMETER 1", 0xc00000f0, "INVALID PARAMETER 2", 0xc00000f1, "INVALID PARAMETER 3",
            0xc00000f2, "INVALID PARAMETER 4", 0xc00000fb, "REDIRECTOR NOT STARTED", 0xc0000101, "NOT EMPTY",
            0xc0000102, "FILE CORRUPT", 0xc0000103, "NOT A DIRECTORY", 0xc0000107, "FILES OPEN",
            0xc000010d, "CANNOT IMPERSONATE", 0xc0000120, "CANCELLED", 0xc0000121, "CANNOT DELETE",
            0xc0000123, "FILE DELETED", 0xc0000128, "FILE CLOSED", 0xc000012a, "THREAD NOT IN PROCESS",
            0xc0000148, "INVALID LEVEL", 0xc000014b, "PIPE BROKEN", 0xc000014c, "REGISTRY CORRUPT",
            0xc000014d, "IO FAILED", 0xc000017c, "KEY DELETED", 0xc0000181, "CHILD MUST BE VOLATILE",
            0xc0000184, "INVALID DEVICE STATE", 0xc0000185, "IO DEVICE ERROR", 0xc0000188, "LOG FILE FULL",
            0xc000019c, "FS DRIVER REQUIRED", 0xc0000205, "INSUFFICIENT SERVER RESOURCES",
            0xc0000207, "INVALID ADDRESS COMPONENT", 0xc000020c, "DISCONNECTED", 0xc0000225, "NOT FOUND",
            0xc0000243, "USER MAPPED FILE", 0xc0000248, "LOGIN WKSTA RESTRICTION", 0xc0000257, "PATH NOT COVERED",
            0xc000026d, "DFS UNAVAILABLE", 0xc0000273, "NO MORE MATCHES", 0xc0000275, "NOT REPARSE POINT",
            0xc00002ea, "CANNOT MAKE", 0xc00002f0, "OBJECTID NOT FOUND", 0xc0000388, "DOWNGRADE DETECTED",
            0xc0000425, "HIVE UNLOADED", 0xc0000427, "FILE SYSTEM LIMITATION",
            0xc0000463, "DEVICE FEATURE NOT SUPPORTED", 0xc000046d, "OBJECT NOT EXTERNALLY BACKED",
            0xc0000909, "CANNOT BREAK OPLOCK", 0xc000a2a3, "OFFLOAD READ FILE NOT SUPPORTED",
            0xc000a2a4, "OFFLOAD READ FILE NOT SUPPORTED", 0xc0190001, "TRANSACTIONAL CONFLICT",
            0xc0190002, "INVALID TRANSACTION", 0xc019003e, "EFS NOT ALLOWED IN TRANSACTION",
            0xc019003f, "TRANSACTIONAL OPEN NOT ALLOWED", 0xc0190040, "TRANSACTED MAPPING UNSUPPORTED REMOTE",
            0xc0190044, "CANNOT EXECUTE FILE IN TRANSACTION", 0xc0190049, "SPARSE NOT ALLOWED IN TRANSACTION",
            0xc01c0004, "FAST IO DISALLOWED"};
        Map<Integer, String> results = new HashMap<>();
        for (int i = 0; i < r.length; i += 2) {
            results.put(((Number) r[i]).intValue(), (String) r[i + 1]);
        }
        RESULTS = Map.copyOf(results);
    }

    private PmlNames() {
    }

    /**
     * @param eventClass 1..5
     * @param operation  the operation code of that class
     * @param subOperation the file-system sub-operation (first detail byte), ignored for other classes
     * @param tcp        for network events, whether the detail flags say TCP
     * @return the name ProcMon's basic output shows
     */
    static String operation(int eventClass, int operation, int subOperation, boolean tcp) {
        switch (eventClass) {
            case CLASS_PROCESS:
                return pick(PROCESS, operation);
            case CLASS_REGISTRY:
                return pick(REGISTRY, operation);
            case CLASS_PROFILING:
                return pick(PROFILING, operation);
            case CLASS_NETWORK:
                return pick(NETWORK_BY_PROTOCOL[tcp ? 1 : 0], operation);
            default:
                String[] subs = subOperation == 0 ? null : SUB_OPERATIONS.get(operation);
                if (subs != null) {
                    String name = subOperation < subs.length ? subs[subOperation] : null;
                    return name == null ? UNKNOWN_SUB_OPERATION : name;
                }
                return pick(FILE_SYSTEM, operation);
        }
    }

    /** @return the Event Class column for a class number: {@code File System}, {@code Registry}, ... */
    static String eventClass(int eventClass) {
        return switch (eventClass) {
            case CLASS_PROCESS -> "Process";
            case CLASS_REGISTRY -> "Registry";
            case CLASS_FILE_SYSTEM -> "File System";
            case CLASS_PROFILING -> "Profiling";
            case CLASS_NETWORK -> "Network";
            default -> "Unknown";
        };
    }

    /** @return ProcMon's text for an NTSTATUS: its name, empty for pending, else {@code 0x} and hex */
    static String result(int status) {
        String text = RESULTS.get(status);
        if (text != null) {
            return text;
        }
        synchronized (UNKNOWN_RESULTS) {
            text = UNKNOWN_RESULTS.get(status);
            if (text == null) {
                text = "0x" + Integer.toHexString(status).toUpperCase(Locale.ROOT);
                if (UNKNOWN_RESULTS.size() < MAX_UNKNOWN_RESULTS) {
                    UNKNOWN_RESULTS.put(status, text);
                }
            }
            return text;
        }
    }

    private static String pick(String[] names, int operation) {
        return operation >= 0 && operation < names.length ? names[operation] : UNKNOWN_SUB_OPERATION;
    }

    private static String[] prefixed(String prefix) {
        String[] names = new String[NETWORK.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = prefix + NETWORK[i];
        }
        return names;
    }

    private static String[] table(Object... pairs) {
        int max = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            max = Math.max(max, (Integer) pairs[i]);
        }
        String[] names = new String[max + 1];
        for (int i = 0; i < pairs.length; i += 2) {
            names[(Integer) pairs[i]] = (String) pairs[i + 1];
        }
        return names;
    }
}
