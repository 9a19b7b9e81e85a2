package org.pmtriage.robust;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;
import org.pmtriage.read.pml.PmlWriter;

/** Hostile PML shapes, made from a small capture that {@link PmlWriter} writes. */
final class PmlShapes {

    /** Events in the capture. */
    static final int EVENTS = 20;

    private PmlShapes() {
    }

    /** @return a small, valid PML: {@link #EVENTS} files opened by one process */
    static byte[] capture() throws IOException {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(Event.basic(i + 1, (9 * 3600_000L + i) * Timeline.TICKS_PER_MILLI, "cl.exe", 4100, "CreateFile",
                    "C:\\build\\f" + i + ".obj", "SUCCESS",
                    "Desired Access: Generic Write, Disposition: OverwriteIf, ShareMode: None, OpenResult: Created"));
        }
        ProcessInfo cl = new ProcessInfo(1, 4100, 900, Event.UNKNOWN, "cl.exe", "C:\\vc\\cl.exe", "cl.exe /c f.cpp",
                ProcessInfo.UNKNOWN_TIME, ProcessInfo.UNKNOWN_TIME);
        Path file = Files.createTempFile("pmtriage-test-", ".pml");
        try {
            PmlWriter.write(file, List.of(cl), events, 20_000);
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    /**
     * Writes the capture with its strings table replaced by one string of {@code chars}
     * characters that every entry points at.
     */
    static void oneHugeString(OutputStream out, int chars) throws IOException {
        byte[] pml = capture();
        ByteBuffer b = ByteBuffer.wrap(pml).order(ByteOrder.LITTLE_ENDIAN);
        int stringsAt = (int) b.getLong(0x258);
        int iconsAt = (int) b.getLong(0x260);
        int count = b.getInt(stringsAt);
        long tableBytes = 4 + 4L * count + 4 + 2L * chars + 2;
        b.putLong(0x260, stringsAt + tableBytes);
        b.putLong(0x3A0, b.getLong(0x3A0) - iconsAt + stringsAt + tableBytes);
        out.write(pml, 0, stringsAt);
        ByteBuffer index = ByteBuffer.allocate(4 + 4 * count + 4).order(ByteOrder.LITTLE_ENDIAN).putInt(count);
        for (int i = 0; i < count; i++) {
            index.putInt(4 + 4 * count);
        }
        out.write(index.putInt(2 * chars + 2).array());
        Hostile.repeat(out, "x\0", chars);
        out.write(new byte[2]);
        out.write(pml, iconsAt, pml.length - iconsAt);
    }

    /** @return {@code pml} with event {@code index} (0-based) given the timestamp {@code filetime} */
    static byte[] withTimestamp(byte[] pml, int index, long filetime) {
        byte[] copy = pml.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putLong((int) eventOffset(pml, index) + 0x1C, filetime);
        return copy;
    }

    /** @return the offset of event {@code index} (0-based) in {@code pml} */
    static long eventOffset(byte[] pml, int index) {
        ByteBuffer b = ByteBuffer.wrap(pml).order(ByteOrder.LITTLE_ENDIAN);
        return Integer.toUnsignedLong(b.getInt((int) b.getLong(0x248) + 5 * index));
    }

    /** @return the timestamp of event {@code index} (0-based) in {@code pml} */
    static long timestamp(byte[] pml, int index) {
        return ByteBuffer.wrap(pml).order(ByteOrder.LITTLE_ENDIAN).getLong((int) eventOffset(pml, index) + 0x1C);
    }
}
