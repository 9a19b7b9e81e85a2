package org.pmtriage.read.pml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.read.LogFormatException;

/**
 * The fixed 0x3A8-byte header of a PML file, validated: version 9, offsets back-filled (a file
 * ProcMon did not close cleanly has zeros there) and every table inside the file, in the order
 * ProcMon writes them.
 */
record PmlHeader(boolean is64bit, long eventCount, long eventsOffset, long offsetsArrayOffset,
                 long processTableOffset, long stringsOffset, long iconsOffset, long hostsOffset,
                 long fileSize, CaptureHost host) {

    static final int SIZE = 0x3A8;
    static final int SUPPORTED_VERSION = 9;

    /** @return the size of a pointer in the capturing system, 8 or 4 */
    int pointerSize() {
        return is64bit ? 8 : 4;
    }

    /**
     * Reads and checks the header.
     *
     * @throws LogFormatException when the file is not a readable PML v9 log
     */
    static PmlHeader read(FileChannel channel, String source) throws IOException {
        long size = channel.size();
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // positional reads until full or EOF
        }
        return parse(b, size, source);
    }

    /**
     * Checks a header read from a stream, before the rest arrives: with {@code size}
     * {@link Long#MAX_VALUE} every check but the one against the end of the file.
     *
     * @param b    the header's bytes up to its position
     * @param size the file's size
     * @throws LogFormatException when the file is not a readable PML v9 log
     */
    static PmlHeader parse(ByteBuffer b, long size, String source) {
        if (b.position() < 4 || b.getInt(0) != 0x5F4C4D50) {
            throw new LogFormatException(source, "byte 0x0", "not a PML log: no PML_ signature");
        }
        if (b.position() < 8) {
            throw new LogFormatException(source, "byte 0x" + Long.toHexString(size), "truncated PML: the file ends "
                    + "inside its header");
        }
        int version = b.getInt(4);
        if (version != SUPPORTED_VERSION) {
            throw new LogFormatException(source, "byte 0x4", "PML format version " + Integer.toUnsignedString(version)
                    + " is not supported (only version " + SUPPORTED_VERSION
                    + ", written by ProcMon 3.40 and later); open it in a current ProcMon and save it again");
        }
        if (b.position() < SIZE) {
            throw new LogFormatException(source, "byte 0x" + Long.toHexString(size),
                    "truncated PML: the header needs 0x3a8 bytes, the file has 0x" + Long.toHexString(size));
        }
        int bits = b.getInt(8);
        if (bits != 0 && bits != 1) {
            throw new LogFormatException(source, "byte 0x8", "bitness field is " + bits + ", expected 0 or 1");
        }
        PmlHeader h = new PmlHeader(bits == 1, Integer.toUnsignedLong(b.getInt(0x234)), b.getLong(0x240),
                b.getLong(0x248), b.getLong(0x250), b.getLong(0x258), b.getLong(0x260), b.getLong(0x3A0), size, host(b));
        long headerSize = b.getLong(0x398);
        if (h.eventsOffset == 0 || h.offsetsArrayOffset == 0 || h.processTableOffset == 0
                || h.stringsOffset == 0 || h.iconsOffset == 0 || h.hostsOffset == 0) {
            throw new LogFormatException(source, "byte 0x240", "the PML file was not closed cleanly (its table "
                    + "offsets are zero): ProcMon was killed while capturing; stop captures with /Terminate");
        }
        if (headerSize != SIZE) {
            throw new LogFormatException(source, "byte 0x398", "header size is 0x" + Long.toHexString(headerSize)
                    + ", expected 0x3a8");
        }
        h.check(source);
        return h;
    }

    /** The computer name, the OSVERSIONINFOEXW's version and service pack, and the processor count. */
    private static CaptureHost host(ByteBuffer b) {
        String servicePack = utf16(b, 0x284, 128);
        String system = "Windows " + b.getInt(0x274) + "." + b.getInt(0x278) + " build " + b.getInt(0x27C)
                + (servicePack.isEmpty() ? "" : ", " + servicePack);
        return new CaptureHost(utf16(b, 0xC, 16), system, b.getInt(0x38C));
    }

    private static String utf16(ByteBuffer b, int offset, int chars) {
        StringBuilder sb = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            char c = b.getChar(offset + 2 * i);
            if (c == 0) {
                break;
            }
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return sb.toString();
    }

    private void check(String source) {
        long[] order = {SIZE, eventsOffset, offsetsArrayOffset, processTableOffset, stringsOffset, iconsOffset,
            hostsOffset, fileSize};
        String[] names = {"header", "events", "event offsets", "process table", "strings table", "icons table",
            "hosts table", "end of file"};
        int[] fields = {0x398, 0x240, 0x248, 0x250, 0x258, 0x260, 0x3A0, 0};
        for (int i = 1; i < order.length; i++) {
            if (order[i] < order[i - 1]) {
                throw new LogFormatException(source, "byte 0x" + Integer.toHexString(fields[i == order.length - 1 ? i - 1 : i]),
                        "the " + names[i - 1] + " (at 0x" + Long.toHexString(order[i - 1]) + ") lies beyond the "
                        + names[i] + " (at 0x" + Long.toHexString(order[i]) + "): corrupt or truncated PML");
            }
        }
        if (offsetsArrayOffset + 5 * eventCount > processTableOffset) {
            throw new LogFormatException(source, "byte 0x234", "header claims " + eventCount
                    + " events, but the event offsets array has room for " + (processTableOffset - offsetsArrayOffset) / 5);
        }
    }
}
