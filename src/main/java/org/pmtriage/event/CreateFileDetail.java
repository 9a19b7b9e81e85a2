package org.pmtriage.event;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Detail of a CreateFile event, split by its known keys. ProcMon writes the keys in a fixed
 * order and the values themselves contain commas ({@code Desired Access: Generic Write, Read
 * Attributes, Disposition: ...}), so the text is cut at each {@code ", Key: "} in turn.
 * Values the Detail does not carry are empty strings.
 *
 * @param desiredAccess e.g. {@code Generic Read/Write}
 * @param disposition   Open, Create, OpenIf, Overwrite, OverwriteIf or Supersede
 * @param options       e.g. {@code Synchronous IO Non-Alert, Non-Directory File}
 * @param attributes    e.g. {@code N}
 * @param shareMode     {@code Read}, {@code Write}, {@code Delete} joined by {@code ", "}, or {@code None}
 * @param openResult    Opened, Created, Overwritten...; present only on success
 */
public record CreateFileDetail(String desiredAccess, String disposition, String options,
                               String attributes, String shareMode, String openResult) {

    private static final String[] KEYS = {"Desired Access: ", "Disposition: ", "Options: ",
        "Attributes: ", "ShareMode: ", "AllocationSize: ", "Impersonating: ", "OpenResult: "};
    /** {@code ", "} and each key: where a value after the first begins. */
    private static final String[] SEPARATORS = Arrays.stream(KEYS).map(k -> ", " + k).toArray(String[]::new);

    /** Read access as far as sharing is concerned (FILE_READ_DATA or FILE_EXECUTE). */
    public static final int READ = 1;
    /** Write access as far as sharing is concerned (FILE_WRITE_DATA or FILE_APPEND_DATA). */
    public static final int WRITE = 2;
    /** DELETE access. */
    public static final int DELETE = 4;

    public CreateFileDetail {
        Objects.requireNonNull(desiredAccess, "desiredAccess");
        Objects.requireNonNull(disposition, "disposition");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(shareMode, "shareMode");
        Objects.requireNonNull(openResult, "openResult");
    }

    /**
     * Splits a CreateFile Detail. Unknown or missing keys leave their value empty; never throws.
     *
     * @param detail the Detail column of a CreateFile event
     * @return the parsed detail
     */
    public static CreateFileDetail parse(String detail) {
        String[] values = new String[KEYS.length];
        int[] starts = new int[KEYS.length];
        int from = 0;
        for (int k = 0; k < KEYS.length; k++) {
            int at = k == 0 ? (detail.startsWith(KEYS[0]) ? 0 : -1) : detail.indexOf(SEPARATORS[k], from);
            starts[k] = at;
            if (at >= 0) {
                from = at;
            }
        }
        for (int k = 0; k < KEYS.length; k++) {
            if (starts[k] < 0) {
                values[k] = "";
                continue;
            }
            int valueStart = starts[k] + (k == 0 ? 0 : 2) + KEYS[k].length();
            int end = detail.length();
            for (int n = k + 1; n < KEYS.length; n++) {
                if (starts[n] >= 0) {
                    end = starts[n];
                    break;
                }
            }
            values[k] = detail.substring(Math.min(valueStart, end), end).trim();
        }
        return new CreateFileDetail(values[0], values[1], values[2], values[3], values[4], values[7]);
    }

    /** @return the READ/WRITE/DELETE bits that the desired access asks for */
    public int accessBits() {
        String a = desiredAccess;
        int bits = 0;
        if (a.contains("Generic All") || a.contains("All Access")) {
            return READ | WRITE | DELETE;
        }
        if (a.contains("Generic Read") || a.contains("Read Data") || a.contains("Execute")
                || a.contains("List Directory")) {
            bits |= READ;
        }
        if (a.contains("Generic Write") || a.contains("Write Data") || a.contains("Append Data")
                || a.contains("Add File")) {
            bits |= WRITE;
        }
        if (a.contains("Delete") && !a.contains("Delete Child")) {
            bits |= DELETE;
        }
        return bits;
    }

    /** @return the READ/WRITE/DELETE bits that the share mode allows other opens */
    public int shareBits() {
        int bits = 0;
        if (shareMode.contains("Read")) {
            bits |= READ;
        }
        if (shareMode.contains("Write")) {
            bits |= WRITE;
        }
        if (shareMode.contains("Delete")) {
            bits |= DELETE;
        }
        return bits;
    }

    /** @return true when the open may change the file's content (write access or a truncating disposition) */
    public boolean writes() {
        return (accessBits() & WRITE) != 0 || disposition.startsWith("Overwrite")
                || disposition.equals("Supersede") || disposition.equals("Create");
    }

    /**
     * Whether two opens of the same file exclude each other under Windows sharing rules. An open
     * without read, write or delete access (attributes only) takes no part in share checks.
     *
     * @param other a later open of the same file
     * @return true when either's access is not allowed by the other's share mode
     */
    public boolean conflictsWith(CreateFileDetail other) {
        if (accessBits() == 0 || other.accessBits() == 0) {
            return false;
        }
        return (other.accessBits() & ~shareBits()) != 0 || (accessBits() & ~other.shareBits()) != 0;
    }
}
