package org.pmtriage.pmc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of a PMC file: a name (such as {@code FilterRules}) and its data bytes, kept as they
 * were read so that a file is written back byte for byte.
 *
 * @param name the record's name, without its terminating NUL
 * @param data the record's data (copied in and out: the record stays immutable)
 */
public record PmcRecord(String name, byte[] data) {

    /** @throws NullPointerException when a part is null */
    public PmcRecord {
        Objects.requireNonNull(name, "name");
        data = Objects.requireNonNull(data, "data").clone();
    }

    /** @return a record holding a little-endian u32 */
    public static PmcRecord u32(String name, long value) {
        return new PmcRecord(name, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
    }

    /** @return a record holding UTF-16LE text, NUL-terminated unless empty (as ProcMon writes paths) */
    public static PmcRecord text(String name, String value) {
        return new PmcRecord(name, value.isEmpty() ? new byte[0] : (value + '\0').getBytes(StandardCharsets.UTF_16LE));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the data read as a little-endian u32, or -1 when the data is not four bytes */
    public long asU32() {
        return data.length == 4 ? ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFF_FFFFL : -1;
    }

    /** @return the data read as UTF-16LE text up to the first NUL */
    public String asText() {
        String s = new String(data, 0, data.length & ~1, StandardCharsets.UTF_16LE);
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }

    /** @return the data's size in bytes */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PmcRecord r && r.name.equals(name) && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return name + " (" + data.length + " bytes)";
    }
}
