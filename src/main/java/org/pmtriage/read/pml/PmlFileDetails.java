package org.pmtriage.read.pml;

/**
 * The Detail of the file-system operations other than CreateFile, ReadFile and WriteFile (see
 * {@link PmlDetails}), as ProcMon writes it: queries show what the file system returned (the
 * extra detail), sets what was asked (the data after the path), controls and locks their
 * parameters (the copy of the minifilter's parameters, PML-FORMAT.md §10.2).
 */
final class PmlFileDetails {

    static final int ACQUIRE_FOR_MOD_WRITE = 17;
    static final int MDL_READ_COMPLETE = 4;
    static final int CREATE_FILE_MAPPING = 19;
    static final int QUERY_INFORMATION = 25;
    static final int SET_INFORMATION = 26;
    static final int QUERY_VOLUME_INFORMATION = 30;
    static final int DIRECTORY_CONTROL = 32;
    static final int FILE_SYSTEM_CONTROL = 33;
    static final int DEVICE_CONTROL = 34;
    static final int LOCK_CONTROL = 37;
    static final int QUERY_SECURITY = 40;
    static final int SET_SECURITY = 41;

    private static final int[] NOTIFY_MASKS = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800};
    private static final String[] NOTIFY_NAMES = {"FILE_NOTIFY_CHANGE_FILE_NAME", "FILE_NOTIFY_CHANGE_DIR_NAME",
        "FILE_NOTIFY_CHANGE_ATTRIBUTES", "FILE_NOTIFY_CHANGE_SIZE", "FILE_NOTIFY_CHANGE_LAST_WRITE",
        "FILE_NOTIFY_CHANGE_LAST_ACCESS", "FILE_NOTIFY_CHANGE_CREATION", "FILE_NOTIFY_CHANGE_EA",
        "FILE_NOTIFY_CHANGE_SECURITY", "FILE_NOTIFY_CHANGE_STREAM_NAME", "FILE_NOTIFY_CHANGE_STREAM_SIZE",
        "FILE_NOTIFY_CHANGE_STREAM_WRITE"};
    private static final int[] SECURITY_MASKS = {0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x10000, 0x80000000,
        0x40000000, 0x20000000, 0x10000000};
    private static final String[] SECURITY_NAMES = {"Owner", "Group", "DACL", "SACL", "Label", "Attribute", "Scope",
        "Process Trust Label", "Backup", "DACL Protected", "SACL Protected", "DACL Unprotected", "SACL Unprotected"};
    private static final int[] VOLUME_MASKS = {0x2, 0x1, 0x4, 0x8, 0x10, 0x40000, 0x20000, 0x10000, 0x80, 0x40, 0x20,
        0x200000};
    private static final String[] VOLUME_NAMES = {"Case Preserved", "Case Sensitive", "Unicode", "ACLs", "Compression",
        "Named Streams", "EFS", "Object IDs", "Reparse Points", "Sparse Files", "Quotas", "Transactions"};
    private static final String[] PAGE_NAMES = {"PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE", "PAGE_WRITECOPY",
        "PAGE_EXECUTE", "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY"};

    private PmlFileDetails() {
    }

    /** @return the Category ProcMon gives a file-system operation, before its Detail refines it */
    static String category(int op, int sub) {
        return switch (op) {
            case 23 -> "Read";
            case 24 -> "Write";
            case QUERY_INFORMATION, 27, DIRECTORY_CONTROL, QUERY_SECURITY -> "Read Metadata";
            case SET_INFORMATION -> sub == 0x0A || sub == 0x0B || sub == 0x0D || sub == 0x40 || sub == 0x41
                    || sub == 0x42 ? "Write" : "Write Metadata";
            case 28, SET_SECURITY -> "Write Metadata";
            default -> "";
        };
    }

    /**
     * @param p         pointer size of the capture
     * @param flt       cursor at the copy of the minifilter parameters
     * @param afterPath cursor just past the path
     * @param extra     the extra detail, or null
     */
    static void detail(PmlText t, int op, int sub, int p, PmlCursor flt, PmlCursor afterPath, PmlCursor extra) {
        switch (op) {
            case CREATE_FILE_MAPPING -> {
                int syncType = flt.i32();
                int protection = flt.skip(p - 4).i32();
                t.text("SyncType", syncType == 1 ? "SyncTypeCreateSection" : "SyncTypeOther");
                if (syncType == 1) {
                    t.text("PageProtection", pageProtection(protection));
                }
            }
            case ACQUIRE_FOR_MOD_WRITE -> t.number("EndingOffset", afterPath.i64());
            case MDL_READ_COMPLETE -> t.hex("MDL", flt.pointer(p));
            case QUERY_INFORMATION -> {
                if (extra != null) {
                    PmlFileInformation.query(t, sub, extra);
                }
            }
            case SET_INFORMATION -> PmlFileInformation.set(t, sub, afterPath);
            case QUERY_VOLUME_INFORMATION -> {
                if (extra != null) {
                    PmlFileInformation.volume(t, sub, extra, VOLUME_MASKS, VOLUME_NAMES);
                }
            }
            case DIRECTORY_CONTROL -> {
                if (sub == 2) {
                    StringBuilder sb = new StringBuilder();
                    PmlDetails.flags(sb, flt.skip(p).i32(), NOTIFY_MASKS, NOTIFY_NAMES, ", ");
                    t.text("Filter", sb.toString());
                }
            }
            case FILE_SYSTEM_CONTROL, DEVICE_CONTROL -> {
                int code = flt.skip(2 * p).i32();
                t.text("Control", PmlControls.name(code)).category(PmlControls.category(code));
            }
            case LOCK_CONTROL -> lock(t, sub, p, flt, afterPath);
            case QUERY_SECURITY, SET_SECURITY -> {
                StringBuilder sb = new StringBuilder();
                int rest = PmlDetails.flags(sb, flt.i32(), SECURITY_MASKS, SECURITY_NAMES, ", ");
                if (rest != 0) {
                    sb.append(sb.length() == 0 ? "" : ", ").append("0x").append(Integer.toHexString(rest));
                }
                t.text("Information", sb.toString());
            }
            default -> {
                // no Detail
            }
        }
    }

    /**
     * ProcMon reads the protection where a 32-bit capture has it (the parameters' second field); on
     * a 64-bit capture that is the low half of a pointer, and ProcMon prints what it finds there.
     *
     * @return the lowest protection bit's name, with the no-cache modifier
     */
    private static String pageProtection(int protection) {
        int base = protection & 0xFF;
        if (base == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(PAGE_NAMES[Integer.numberOfTrailingZeros(base)]);
        if ((protection & 0x200) != 0) {
            sb.append("|PAGE_NOCACHE");
        }
        return sb.toString();
    }

    private static void lock(PmlText t, int sub, int p, PmlCursor flt, PmlCursor afterPath) {
        long length = afterPath.pointer(p);
        flt.skip(2 * p);
        long offset = flt.i64();
        flt.skip(p);
        boolean failImmediately = flt.u8() != 0;
        boolean exclusive = flt.u8() != 0;
        if (sub == 1) {
            t.bool("Exclusive", exclusive).number("Offset", offset).number("Length", length)
                    .bool("Fail Immediately", failImmediately);
        } else if (sub == 2) {
            t.number("Offset", offset).number("Length", length);
        }
    }
}
