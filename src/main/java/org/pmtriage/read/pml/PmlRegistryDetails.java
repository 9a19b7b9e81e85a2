package org.pmtriage.read.pml;

/**
 * The Detail of registry events as ProcMon writes it (PML-FORMAT.md §12): the request's fields
 * from the detail blob, the outcome (granted access, disposition, value data, key information)
 * from the extra detail.
 */
final class PmlRegistryDetails {

    static final int OPEN_KEY = 0;
    static final int CREATE_KEY = 1;
    static final int QUERY_KEY = 3;
    static final int SET_VALUE = 4;
    static final int QUERY_VALUE = 5;
    static final int ENUM_VALUE = 6;
    static final int ENUM_KEY = 7;
    static final int SET_INFO_KEY = 8;
    static final int LOAD_KEY = 12;
    static final int RENAME_KEY = 14;

    private static final int[] ACCESS_MASKS = {0xF003F, 0x2001F, 0x20019, 0x20006, 0x1, 0x2, 0x4, 0x8, 0x10, 0x20,
        0x300, 0x200, 0x100, 0x10000, 0x20000, 0x40000, 0x80000, 0x100000, 0x1000000, 0x2000000};
    private static final String[] ACCESS_NAMES = {"All Access", "Read/Write", "Read", "Write", "Query Value",
        "Set Value", "Create Sub Key", "Enumerate Sub Keys", "Notify", "Create Link", "WOW64_Res", "WOW64_32Key",
        "WOW64_64Key", "Delete", "Read Control", "Write DAC", "Write Owner", "Synchronize", "Access System Security",
        "Maximum Allowed"};
    private static final int[] GENERIC = {0x20019, 0x20006, 0x20019, 0xF003F};
    private static final String[] TYPES = {"REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD",
        "REG_DWORD_BIG_ENDIAN", "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTOR",
        "REG_RESOURCE_REQUIREMENTS_LIST", "REG_QWORD"};
    private static final String[] KEY_CLASSES = {"Basic", "Node", "Full", "Name", "Cached", "Flags",
        "Virtualization", "HandleTags", "Trust", "Layer"};
    private static final int SET_BINARY_SHOWN = 16;
    private static final String[] DISPOSITIONS = {"", "REG_CREATED_NEW_KEY", "REG_OPENED_EXISTING_KEY"};

    private PmlRegistryDetails() {
    }

    /** @return the Category ProcMon gives a registry operation (RegCreateKey: unless it created the key) */
    static String category(int op) {
        return switch (op) {
            case 0, 1, 3, 5, 6, 7, 15 -> "Read";
            case 4, 9, 10, 14 -> "Write";
            case 8, 16 -> "Write Metadata";
            case 17 -> "Read Metadata";
            default -> "";
        };
    }

    /** @return how many bytes of op-specific fields lie between the path's string info and the path */
    static int fieldsBeforePath(int op) {
        return switch (op) {
            case LOAD_KEY, RENAME_KEY -> 2;
            case OPEN_KEY, CREATE_KEY -> 6;
            case QUERY_KEY, QUERY_VALUE -> 10;
            case SET_VALUE, ENUM_VALUE, ENUM_KEY, SET_INFO_KEY -> 14;
            default -> 0;
        };
    }

    /**
     * @param fields cursor just past the path's string info, at the op-specific fields
     * @param afterPath cursor just past the path (data of SetValue and SetInfoKey, Load/Rename's new name)
     * @param extra  the extra detail, or null
     */
    static void detail(PmlText t, int op, PmlCursor fields, PmlCursor afterPath, PmlCursor extra) {
        switch (op) {
            case OPEN_KEY, CREATE_KEY -> openOrCreate(t, fields.skip(2).i32(), extra);
            case QUERY_KEY, ENUM_KEY -> {
                long length = fields.skip(2).u32();
                long index = op == ENUM_KEY ? fields.u32() : -1;
                int infoClass = fields.i32();
                queryKey(t, op, length, index, infoClass, extra);
            }
            case QUERY_VALUE, ENUM_VALUE -> {
                long length = fields.skip(2).u32();
                long index = op == ENUM_VALUE ? fields.u32() : -1;
                int infoClass = fields.i32();
                queryValue(t, length, index, infoClass, extra);
            }
            case SET_VALUE -> {
                int type = fields.skip(2).i32();
                long length = fields.u32();
                long dataLength = fields.u32();
                t.text("Type", typeName(type)).number("Length", length);
                // ProcMon shows at most the first 16 bytes of binary data set
                int shown = (int) Math.min(Math.min(length, type == 3 ? SET_BINARY_SHOWN : dataLength), afterPath.left());
                if (shown > 0 && type >= 0 && type < TYPES.length) {
                    data(t, type, afterPath, shown);
                }
            }
            case SET_INFO_KEY -> {
                int infoClass = fields.skip(2).i32();
                int length = fields.skip(4).u16();
                t.text("KeySetInformationClass", switch (infoClass) {
                    case 0 -> "KeyWriteTimeInformation";
                    case 1 -> "KeyWow64FlagsInformation";
                    case 5 -> "KeySetHandleTagsInformation";
                    default -> "<Unknown: " + infoClass + ">";
                }).number("Length", length);
                if (length > 0 && infoClass == 0 && afterPath.left() >= 8) {
                    t.date("LastWriteTime", afterPath.i64());
                } else if (length > 0 && infoClass == 1 && afterPath.left() >= 4) {
                    t.plain("Wow64Flags", afterPath.u32());
                } else if (length > 0 && infoClass == 5 && afterPath.left() >= 4) {
                    t.hex("HandleTags", afterPath.u32());
                }
            }
            case LOAD_KEY -> t.text("Hive Path", afterPath.text(fields.u16()));
            case RENAME_KEY -> t.text("New Name", afterPath.text(fields.u16()));
            default -> {
                // RegCloseKey, RegDeleteKey, RegFlushKey, ...: no Detail
            }
        }
    }

    private static void openOrCreate(PmlText t, int desired, PmlCursor extra) {
        if (desired == 0) {
            return;
        }
        String access = access(desired);
        t.text("Desired Access", access);
        if (extra == null || extra.left() < 8) {
            return;
        }
        int granted = extra.i32();
        if (access.equals("Maximum Allowed")) {
            t.text("Granted Access", access(granted));
        }
        int disposition = extra.i32();
        if (disposition == 1 || disposition == 2) {
            t.text("Disposition", DISPOSITIONS[disposition]);
        }
        if (disposition == 1) {
            t.category("Write");
        }
    }

    private static void queryKey(PmlText t, int op, long length, long index, int infoClass, PmlCursor extra) {
        if (op == ENUM_KEY) {
            t.number("Index", index);
        } else {
            t.text("Query", infoClass >= 0 && infoClass < KEY_CLASSES.length ? KEY_CLASSES[infoClass] : "<Unknown>");
        }
        if (extra == null) {
            t.number("Length", length);
            return;
        }
        switch (infoClass) {
            case 0 -> t.text("Name", extra.skip(12).utf16((int) extra.u32()));
            case 1 -> t.text("Name", extra.skip(20).utf16((int) extra.u32()));
            case 2 -> {
                long subKeys = extra.skip(20).u32();
                t.number("SubKeys", subKeys).number("Values", extra.skip(8).u32());
            }
            case 4 -> {
                long subKeys = extra.skip(12).u32();
                t.number("SubKeys", subKeys).number("Values", extra.skip(4).u32());
            }
            case 5 -> t.hex("UserFlags", extra.u32());
            case 7 -> t.hex("HandleTags", extra.u32());
            default -> {
                // Name and the other classes: ProcMon shows only the query
            }
        }
    }

    private static void queryValue(PmlText t, long length, long index, int infoClass, PmlCursor extra) {
        if (index >= 0) {
            t.number("Index", index);
        }
        if (extra == null) {
            t.number("Length", length);
            return;
        }
        int start = extra.position();
        extra.skip(4);
        int type = extra.i32();
        long dataLength;
        if (infoClass == 1) {
            long dataOffset = extra.u32();
            dataLength = extra.u32();
            String name = extra.utf16((int) extra.u32());
            if (index >= 0) {
                t.text("Name", name);
            }
            extra.skip((int) Math.max(0, start + dataOffset - extra.position()));
        } else if (infoClass == 2) {
            dataLength = extra.u32();
        } else {
            t.text("Type", typeName(type));
            return;
        }
        t.text("Type", typeName(type)).number("Length", dataLength);
        int shown = (int) Math.min(dataLength, extra.left());
        if (shown > 0 || dataLength > 0 && (type < 0 || type >= TYPES.length)) {
            data(t, type, extra, shown);
        }
    }

    private static void data(PmlText t, int type, PmlCursor c, int length) {
        switch (type) {
            case 1, 2 -> t.text("Data", c.utf16(length));
            case 4 -> {
                if (length >= 4) {
                    t.plain("Data", c.u32());
                }
            }
            case 11 -> t.text("Data", "");
            case 7 -> t.text("Data", multiString(c, length));
            case 3 -> t.text("Data", c.hex(length, " "));
            default -> {
                if (type < 0 || type >= TYPES.length) {
                    t.text("Data", "");
                }
            }
        }
    }

    private static String multiString(PmlCursor c, int length) {
        StringBuilder sb = new StringBuilder();
        int stop = c.position() + length;
        while (c.position() + 1 < stop) {
            int from = c.position();
            int chars = 0;
            while (c.position() + 1 < stop && c.u16() != 0) {
                chars++;
            }
            if (chars == 0) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Utf16Text.decode(c.array(), from, chars * 2));
        }
        return sb.toString();
    }

    static String typeName(int type) {
        return type >= 0 && type < TYPES.length ? TYPES[type] : "<Unknown: " + Integer.toUnsignedString(type) + ">";
    }

    static String access(int mask) {
        return PmlDetails.accessMask(mask, GENERIC, ACCESS_MASKS, ACCESS_NAMES);
    }
}
