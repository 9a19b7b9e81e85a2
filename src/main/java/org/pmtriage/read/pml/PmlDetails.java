package org.pmtriage.read.pml;

import org.pmtriage.event.ExportLocale;

/**
 * Formats the Detail text of the operations the analysis reads (CreateFile, ReadFile, WriteFile,
 * process and thread events) exactly as ProcMon exports it: flag names per PML-FORMAT.md §10.3 and
 * §11, numbers grouped as the export's locale groups them.
 */
final class PmlDetails {

    private static final int[] ACCESS_MASKS = {0x1F01FF, 0x1201BF, 0x12019F, 0x1200A9, 0x1201B6, 0x120089,
        0x120116, 0x1200A0, 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x10000, 0x20000, 0x40000, 0x80000,
        0x100000, 0x1000000, 0x2000000};
    private static final String[] ACCESS_NAMES = {"All Access", "Generic Read/Write/Execute", "Generic Read/Write",
        "Generic Read/Execute", "Generic Write/Execute", "Generic Read", "Generic Write", "Generic Execute",
        "Read Data/List Directory", "Write Data/Add File", "Append Data/Add Subdirectory/Create Pipe Instance",
        "Read EA", "Write EA", "Execute/Traverse", "Delete Child", "Read Attributes", "Write Attributes", "Delete",
        "Read Control", "Write DAC", "Write Owner", "Synchronize", "Access System Security", "Maximum Allowed"};
    private static final int[] OPTION_MASKS = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400,
        0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x100000, 0x200000, 0x400000, 0x800000, 0x10000, 0x20000};
    private static final String[] OPTION_NAMES = {"Directory", "Write Through", "Sequential Access", "No Buffering",
        "Synchronous IO Alert", "Synchronous IO Non-Alert", "Non-Directory File", "Create Tree Connection",
        "Complete If Oplocked", "No EA Knowledge", "Open for Recovery", "Random Access", "Delete On Close",
        "Open By ID", "Open For Backup", "No Compression", "Reserve OpFilter", "Open Reparse Point",
        "Open No Recall", "Open For Free Space Query", "Open Requiring Oplock", "Disallow Exclusive"};
    private static final int[] ATTRIBUTE_MASKS = {0x1, 0x2, 0x4, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400,
        0x800, 0x1000, 0x2000, 0x4000, 0x10000};
    private static final String[] ATTRIBUTE_NAMES = {"R", "H", "S", "D", "A", "D", "N", "T", "SF", "RP", "C", "O",
        "NCI", "E", "V"};
    private static final int[] IO_FLAG_MASKS = {0x10, 0x1, 0x2, 0x4, 0x40, 0x400000};
    private static final String[] IO_FLAG_NAMES = {"Buffered", "Non-cached", "Paging I/O", "Synchronous",
        "Synchronous Paging I/O", "Write Through"};
    private static final String[] PRIORITIES = {"", "Very Low", "Low", "Normal", "High", "Critical"};
    private static final String[] DISPOSITIONS = {"Supersede", "Open", "Create", "OpenIf", "Overwrite", "OverwriteIf"};
    private static final String[] OPEN_RESULTS = {"Superseded", "Opened", "Created", "Overwritten", "Exists",
        "DoesNotExist"};
    private static final String[] SHARE_MODES = {"None", "Read", "Write", "Read, Write", "Delete", "Read, Delete",
        "Write, Delete", "Read, Write, Delete"};

    private PmlDetails() {
    }

    /**
     * @param openResult the OpenResult from the extra detail, or -1 when the event has none
     * @param sid        the impersonation SID as text, or null
     */
    static String createFile(ExportLocale locale, int desiredAccess, int dispositionAndOptions, int attributes,
                             int shareMode, long allocationSize, String sid, int openResult) {
        int disposition = dispositionAndOptions >>> 24;
        StringBuilder sb = new StringBuilder(160).append("Desired Access: ");
        accessMask(sb, desiredAccess);
        sb.append(", Disposition: ").append(disposition < DISPOSITIONS.length ? DISPOSITIONS[disposition] : "<unknown>");
        sb.append(", Options: ");
        flags(sb, dispositionAndOptions & 0xFFFFFF, OPTION_MASKS, OPTION_NAMES, ", ");
        sb.append(", Attributes: ");
        if ((attributes & 0xffff) == 0) {
            sb.append("n/a");
        } else {
            flags(sb, attributes & 0xffff, ATTRIBUTE_MASKS, ATTRIBUTE_NAMES, "");
        }
        sb.append(", ShareMode: ").append(shareMode >= 0 && shareMode < 8 ? SHARE_MODES[shareMode] : SHARE_MODES[shareMode & 7]);
        sb.append(", AllocationSize: ");
        if (showsAllocation(disposition)) {
            locale.number(sb, allocationSize);
        } else {
            sb.append("n/a");
        }
        if (sid != null) {
            sb.append(", Impersonating: ").append(sid);
        }
        if (openResult >= 0) {
            sb.append(", OpenResult: ").append(openResult < OPEN_RESULTS.length ? OPEN_RESULTS[openResult] : "<unknown>");
        }
        return sb.toString();
    }

    /** @return whether a CreateFile's Detail shows its AllocationSize: only a disposition that may create the file */
    static boolean showsAllocation(int disposition) {
        return disposition == 0 || disposition == 2 || disposition == 3 || disposition == 5;
    }

    static String readWrite(ExportLocale locale, long offset, long length, int ioFlagsAndPriority) {
        StringBuilder sb = new StringBuilder(96).append("Offset: ");
        locale.number(sb, offset);
        sb.append(", Length: ");
        locale.number(sb, length);
        int ioFlags = ioFlagsAndPriority & 0xE000FF;
        if (ioFlags != 0) {
            sb.append(", I/O Flags: ");
            flags(sb, ioFlags, IO_FLAG_MASKS, IO_FLAG_NAMES, ", ");
        }
        int priority = (ioFlagsAndPriority >>> 17) & 7;
        if (priority != 0) {
            sb.append(", Priority: ").append(priority < PRIORITIES.length ? PRIORITIES[priority] : "0x" + Integer.toHexString(priority));
        }
        return sb.toString();
    }

    static String processExit(ExportLocale locale, int exitStatus, long kernelTicks, long userTicks, long workingSet, long peakWorkingSet,
                              long privateBytes, long peakPrivateBytes) {
        StringBuilder sb = new StringBuilder(200).append("Exit Status: ").append(exitStatus).append(", User Time: ");
        seconds(sb, userTicks).append(" seconds, Kernel Time: ");
        seconds(sb, kernelTicks).append(" seconds, Private Bytes: ");
        locale.number(sb, privateBytes).append(", Peak Private Bytes: ");
        locale.number(sb, peakPrivateBytes).append(", Working Set: ");
        locale.number(sb, workingSet).append(", Peak Working Set: ");
        return locale.number(sb, peakWorkingSet).toString();
    }

    static String threadExit(int tid, long kernelTicks, long userTicks) {
        StringBuilder sb = new StringBuilder(64).append("Thread ID: ").append(tid).append(", User Time: ");
        seconds(sb, userTicks).append(", Kernel Time: ");
        return seconds(sb, kernelTicks).toString();
    }

    /** @return an SID in {@code S-1-5-21-...} form, or empty when the bytes are not one */
    static String sid(byte[] a, int at, int length) {
        if (length < 8 || a[at] != 1 || length != 8 + 4 * (a[at + 1] & 0xff)) {
            return "";
        }
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (a[at + i] & 0xff);
        }
        StringBuilder sb = new StringBuilder("S-1-").append(authority);
        for (int i = 8; i < length; i += 4) {
            long sub = (a[at + i] & 0xff) | (a[at + i + 1] & 0xff) << 8 | (a[at + i + 2] & 0xff) << 16
                    | (long) (a[at + i + 3] & 0xff) << 24;
            sb.append('-').append(sub);
        }
        return sb.toString();
    }

    private static final int[] FILE_GENERIC = {0x120089, 0x120116, 0x1200A0, 0x1F01FF};

    private static void accessMask(StringBuilder sb, int mask) {
        sb.append(accessMask(mask, FILE_GENERIC, ACCESS_MASKS, ACCESS_NAMES));
    }

    /**
     * @param generic what GENERIC_READ, GENERIC_WRITE, GENERIC_EXECUTE and GENERIC_ALL stand for
     * @return the mask's names after expanding the generic bits, or {@code None 0x...} when none matches
     */
    static String accessMask(int mask, int[] generic, int[] masks, String[] names) {
        for (int bit = 0; bit < 4; bit++) {
            if ((mask & (0x80000000 >>> bit)) != 0) {
                mask |= generic[bit];
            }
        }
        StringBuilder sb = new StringBuilder(40);
        flags(sb, mask, masks, names, ", ");
        return sb.length() == 0 ? "None 0x" + Integer.toHexString(mask) : sb.toString();
    }

    /**
     * Appends the names of the masks set in {@code value}, in table order, each match removing its bits.
     *
     * @return the bits no name matched
     */
    static int flags(StringBuilder sb, int value, int[] masks, String[] names, String separator) {
        boolean first = true;
        for (int i = 0; i < masks.length; i++) {
            if ((value & masks[i]) == masks[i]) {
                if (!first) {
                    sb.append(separator);
                }
                sb.append(names[i]);
                value &= ~masks[i];
                first = false;
            }
        }
        return value;
    }

    /** @return a file access mask in ProcMon's words, e.g. {@code Generic Read} */
    static String access(int mask) {
        StringBuilder sb = new StringBuilder(40);
        accessMask(sb, mask);
        return sb.toString();
    }

    /** @return create options in ProcMon's words, e.g. {@code Synchronous IO Non-Alert} */
    static String options(int options) {
        StringBuilder sb = new StringBuilder(40);
        flags(sb, options & 0xFFFFFF, OPTION_MASKS, OPTION_NAMES, ", ");
        return sb.toString();
    }

    /** @return file attributes as ProcMon's letters ({@code HA}), or {@code n/a} for none */
    static String attributes(int attributes) {
        if (attributes == 0) {
            return "n/a";
        }
        StringBuilder sb = new StringBuilder(8);
        flags(sb, attributes, ATTRIBUTE_MASKS, ATTRIBUTE_NAMES, "");
        return sb.toString();
    }

    /** Appends 100-ns ticks as seconds with seven decimals: {@code 0.0156001}. */
    static StringBuilder seconds(StringBuilder sb, long ticks) {
        String fraction = Long.toString(ticks % 10_000_000L + 10_000_000L);
        return sb.append(ticks / 10_000_000L).append('.').append(fraction, 1, 8);
    }
}
