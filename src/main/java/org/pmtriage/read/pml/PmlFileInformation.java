package org.pmtriage.read.pml;

/**
 * The Detail of QueryInformationFile, SetInformationFile and QueryVolumeInformation: the
 * FILE_*_INFORMATION and FILE_FS_*_INFORMATION structures, by information class, in ProcMon's
 * words.
 */
final class PmlFileInformation {

    private static final String[] ALIGNMENTS = {"Byte", "Word", "", "Long", "", "", "", "Quad"};

    private PmlFileInformation() {
    }

    static void query(PmlText t, int infoClass, PmlCursor c) {
        switch (infoClass) {
            case 0x04 -> basic(t, c);
            case 0x05 -> standard(t, c);
            case 0x06 -> t.hex("IndexNumber", c.i64());
            case 0x07 -> t.number("EaSize", c.u32());
            case 0x09 -> t.text("Name", c.utf16((int) c.u32()));
            case 0x0E -> t.number("CurrentByteOffset", c.i64());
            case 0x12 -> {
                basic(t, c);
                c.skip(4);
                standard(t, c);
                c.skip(2);
                t.hex("IndexNumber", c.i64()).number("EaSize", c.u32());
                t.text("Access", PmlDetails.access(c.i32())).number("Position", c.i64());
                t.text("Mode", PmlDetails.options(c.i32()));
                int alignment = c.i32();
                t.text("AlignmentRequirement", alignment(alignment));
            }
            case 0x22 -> {
                t.date("CreationTime", c.i64()).date("LastAccessTime", c.i64()).date("LastWriteTime", c.i64())
                        .date("ChangeTime", c.i64());
                // ProcMon writes these two sizes as dates
                t.date("AllocationSize", c.i64()).date("EndOfFile", c.i64());
                t.text("FileAttributes", PmlDetails.attributes(c.i32()));
            }
            case 0x23 -> {
                t.text("Attributes", PmlDetails.attributes(c.i32()));
                t.hex("ReparseTag", c.u32());
            }
            default -> {
                // other classes: ProcMon shows no Detail
            }
        }
    }

    static void set(PmlText t, int infoClass, PmlCursor c) {
        switch (infoClass) {
            case 0x04 -> basic(t, c);
            case 0x0D -> t.bool("Delete", c.u8() != 0);
            case 0x0E -> t.number("CurrentByteOffset", c.i64());
            case 0x13 -> t.number("AllocationSize", c.i64());
            case 0x14 -> t.number("EndOfFile", c.i64());
            case 0x27 -> t.number("ValidDataLength", c.i64());
            case 0x40 -> {
                int flags = c.i32();
                t.bool("Delete", (flags & 1) != 0);
            }
            default -> {
                // other classes: no Detail decoded
            }
        }
    }

    static void volume(PmlText t, int infoClass, PmlCursor c, int[] attributeMasks, String[] attributeNames) {
        switch (infoClass) {
            case 1 -> {
                t.date("VolumeCreationTime", c.i64());
                long serial = c.u32();
                t.text("VolumeSerialNumber", String.format("%04X-%04X", serial >>> 16, serial & 0xffff));
                int labelBytes = (int) c.u32();
                t.bool("SupportsObjects", c.u8() != 0);
                c.skip(1);
                t.text("VolumeLabel", c.utf16(Math.min(labelBytes, c.left())));
            }
            case 3 -> t.number("TotalAllocationUnits", c.i64()).number("AvailableAllocationUnits", c.i64())
                    .number("SectorsPerAllocationUnit", c.u32()).number("BytesPerSector", c.u32());
            case 5 -> {
                int attributes = c.i32();
                StringBuilder sb = new StringBuilder();
                int rest = PmlDetails.flags(sb, attributes, attributeMasks, attributeNames, ", ");
                if (rest != 0) {
                    sb.append(sb.length() == 0 ? "" : ", ").append("0x").append(Integer.toHexString(rest));
                }
                t.text("FileSystemAttributes", sb.toString());
                t.number("MaximumComponentNameLength", c.i32());
                t.text("FileSystemName", c.utf16(Math.min((int) c.u32(), c.left())));
            }
            case 7 -> t.number("TotalAllocationUnits", c.i64()).number("CallerAvailableAllocationUnits", c.i64())
                    .number("ActualAvailableAllocationUnits", c.i64())
                    .number("SectorsPerAllocationUnit", c.u32()).number("BytesPerSector", c.u32());
            case 8 -> t.text("ObjectId", c.hex(16, ""));
            default -> {
                // other classes: no Detail decoded
            }
        }
    }

    private static void basic(PmlText t, PmlCursor c) {
        t.date("CreationTime", c.i64()).date("LastAccessTime", c.i64()).date("LastWriteTime", c.i64())
                .date("ChangeTime", c.i64());
        t.text("FileAttributes", PmlDetails.attributes(c.i32()));
    }

    private static void standard(PmlText t, PmlCursor c) {
        t.number("AllocationSize", c.i64()).number("EndOfFile", c.i64()).number("NumberOfLinks", c.u32());
        t.bool("DeletePending", c.u8() != 0).bool("Directory", c.u8() != 0);
    }

    private static String alignment(int value) {
        if (value >= 0 && value < ALIGNMENTS.length && !ALIGNMENTS[value].isEmpty()) {
            return ALIGNMENTS[value];
        }
        return switch (value) {
            case 0xF -> "Octa";
            case 0x1F -> "32 Bytes";
            case 0x3F -> "64 Bytes";
            case 0x7F -> "128 Bytes";
            case 0xFF -> "256 Bytes";
            case 0x1FF -> "512 Bytes";
            default -> "0x" + Integer.toHexString(value);
        };
    }
}
