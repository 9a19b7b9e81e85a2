package org.pmtriage.read.pml;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.StackFrame;

/**
 * Writes a valid PML version 9, 64-bit, from events and processes (test scope), so captures our
 * generator makes, or any log read by another reader, exist as PML too. Event times are taken as
 * UTC ticks since midnight of {@code day}. Processes named by events but missing from the given
 * table are added from the events' own columns. A process's {@link ProcessInfo#columns()} fill the
 * record's user, integrity, company, version, description, logon session and session, its
 * {@link ProcessInfo#modules()} the module records (PML-FORMAT.md section 5); an event's
 * {@link Event#stack()} is written as its stack frames (section 8). Streams: memory holds the
 * offsets (5 bytes per event) and the process table, not the events.
 */
public final class PmlWriter implements Closeable {

    private static final long TICKS_PER_DAY = 864_000_000_000L;
    private static final Map<String, int[]> OPERATIONS = operationCodes();
    private static final Map<String, Integer> STATUS = new HashMap<>();

    static {
        PmlNames.RESULTS.forEach((code, text) -> STATUS.putIfAbsent(text, code));
    }

    /** A process record without modules: 0x60 bytes, the 8-byte inline-modules flag, the module count. */
    static final int PROCESS_RECORD = 0x60 + 8 + 4;
    /** A module record of a 64-bit capture (2P + 0x30). */
    static final int MODULE_RECORD = 2 * 8 + 0x30;

    private final FileChannel out;
    private final long origin;
    private final Map<Integer, ProcessInfo> processes = new LinkedHashMap<>();
    private final Map<String, Integer> synthetic = new HashMap<>();
    private final Map<String, Integer> stringIndex = new HashMap<>();
    private final Map<String, Integer> hosts = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final PmlDetailEncoder encoder = new PmlDetailEncoder(hosts, ports);
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private byte[] offsets = new byte[5 * 1024];
    private long count;
    private long position = PmlHeader.SIZE;
    private int nextIndex;
    private int stackFrames;
    /** Stores a string again for each reference, as a writer that does not share them may. */
    boolean repeatStrings;

    /**
     * @param file      the PML to create (replaced if it exists)
     * @param processes the process table; more are added for events whose process is not in it
     * @param day       the UTC day whose midnight is the events' time zero, as days since 1970-01-01
     */
    PmlWriter(Path file, List<ProcessInfo> processes, long day) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.origin = PmlClock.UNIX_EPOCH + day * TICKS_PER_DAY;
        for (ProcessInfo p : processes) {
            this.processes.put(p.processIndex(), p);
            nextIndex = Math.max(nextIndex, p.processIndex() + 1);
        }
    }

    /** Gives every following event this many (made-up) stack frames, as real captures have. */
    void stackFrames(int frames) {
        this.stackFrames = frames;
    }

    /** Writes a whole capture. */
    public static void write(Path file, List<ProcessInfo> processes, Iterable<Event> events, long day) throws IOException {
        try (PmlWriter w = new PmlWriter(file, processes, day)) {
            for (Event e : events) {
                w.write(e);
            }
        }
    }

    /**
     * Writes a whole capture whose process table is complete only after its last event, as a
     * simulation's is.
     *
     * @param table called once after the last event; its processes replace those of the same
     *              index that the events made up
     */
    public static void write(Path file, Iterator<Event> events, Supplier<List<ProcessInfo>> table, long day)
            throws IOException {
        try (PmlWriter w = new PmlWriter(file, List.of(), day)) {
            while (events.hasNext()) {
                w.write(events.next());
            }
            for (ProcessInfo p : table.get()) {
                w.processes.put(p.processIndex(), p);
            }
        }
    }

    /** @throws IllegalArgumentException for an operation name PML has no code for */
    void write(Event e) throws IOException {
        int[] code = OPERATIONS.get(e.operationName());
        if (code == null) {
            throw new IllegalArgumentException("no PML operation code for \"" + e.operationName() + "\"");
        }
        int index = processIndex(e);
        int childIndex = 0;
        if (code[0] == PmlNames.CLASS_PROCESS && code[1] <= 1) {
            int childPid = org.pmtriage.event.ProcessDetail.parse(e.detail()).pid();
            childIndex = processes.values().stream().filter(p -> p.pid() == childPid)
                    .mapToInt(ProcessInfo::processIndex).findFirst().orElse(0);
        }
        Event withIndex = new Event(e.record(), e.time(), e.processName(), e.pid(), e.tid(), e.operationName(),
                e.operation(), e.path(), e.result(), e.detail(), e.parentPid(), e.commandLine(), e.imagePath(), index);
        PmlDetailEncoder.Encoded enc = encoder.encode(code[0], code[1], code[2], withIndex, childIndex);
        int frames = e.stack().depth() > 0 ? e.stack().depth() : stackFrames;
        int stack = 8 * frames;
        int size = PmlFile.EVENT_HEADER + stack + enc.detail().length + (enc.extra() == null ? 0 : 2 + enc.extra().length);
        if (buf.remaining() < size) {
            flush();
        }
        Integer status = STATUS.get(e.result());
        if (status == null) {
            status = e.result().startsWith("0x") ? Integer.parseUnsignedInt(e.result().substring(2), 16) : 0xC0000001;
        }
        int start = buf.position();
        buf.putInt(index).putInt(e.tid()).putInt(code[0]).putShort((short) code[1]).putShort((short) 0)
                .putInt((int) count).putLong(0).putLong(origin + e.time()).putInt(status).putShort((short) frames)
                .putShort((short) 0).putInt(enc.detail().length)
                .putInt(enc.extra() == null ? 0 : PmlFile.EVENT_HEADER + stack + enc.detail().length);
        if (e.stack().depth() > 0) {
            for (StackFrame f : e.stack().frames()) {
                buf.putLong(f.address());
            }
        } else {
            for (int f = 0; f < stackFrames; f++) {
                buf.putLong(0xFFFFF80000000000L + 0x1000L * f + count % 4096);
            }
        }
        buf.put(enc.detail());
        if (enc.extra() != null) {
            buf.putShort((short) enc.extra().length).put(enc.extra());
        }
        addOffset(position);
        position += buf.position() - start;
    }

    private int processIndex(Event e) {
        if (e.processIndex() != Event.UNKNOWN && processes.containsKey(e.processIndex())) {
            return e.processIndex();
        }
        // without a process index, a reused PID is told apart by the process columns that differ
        String key = e.processIndex() + "|" + e.pid() + "|" + e.processName() + "|" + e.parentPid() + "|"
                + e.commandLine() + "|" + e.imagePath();
        return synthetic.computeIfAbsent(key, k -> {
            int index = e.processIndex() != Event.UNKNOWN ? e.processIndex() : nextIndex;
            nextIndex = Math.max(nextIndex, index + 1);
            processes.put(index, new ProcessInfo(index, e.pid(), e.parentPid(), Event.UNKNOWN, e.processName(),
                    e.imagePath(), e.commandLine(), ProcessInfo.UNKNOWN_TIME, ProcessInfo.UNKNOWN_TIME));
            return index;
        });
    }

    private void addOffset(long offset) {
        int at = (int) (5 * count);
        if (at + 5 > offsets.length) {
            offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[at] = (byte) offset;
        offsets[at + 1] = (byte) (offset >>> 8);
        offsets[at + 2] = (byte) (offset >>> 16);
        offsets[at + 3] = (byte) (offset >>> 24);
        offsets[at + 4] = (byte) ((offset >>> 32) & 1);
        count++;
    }

    private void flush() throws IOException {
        buf.flip();
        long at = position - buf.remaining();
        while (buf.hasRemaining()) {
            at += out.write(buf, at);
        }
        buf.clear();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
            long offsetsAt = position;
            write(ByteBuffer.wrap(offsets, 0, (int) (5 * count)));
            long processesAt = position;
            List<String> strings = new ArrayList<>(List.of(""));
            write(processTable(strings));
            long stringsAt = position;
            write(stringsTable(strings));
            long iconsAt = position;
            write(le(4).putInt(0).flip());
            long hostsAt = position;
            write(hostsTable());
            ByteBuffer h = le(PmlHeader.SIZE);
            h.put("PML_".getBytes(StandardCharsets.US_ASCII)).putInt(9).putInt(1);
            h.put(0x0C, "PMTRIAGE-TEST".getBytes(StandardCharsets.UTF_16LE));
            h.putInt(0x234, (int) count).putLong(0x240, PmlHeader.SIZE).putLong(0x248, offsetsAt)
                    .putLong(0x250, processesAt).putLong(0x258, stringsAt).putLong(0x260, iconsAt)
                    .putLong(0x268, 0x7FFFFFFEFFFFL).putInt(0x270, 0x11C).putInt(0x274, 10).putInt(0x27C, 19045)
                    .putInt(0x280, 2).putInt(0x38C, 2).putLong(0x398, PmlHeader.SIZE).putLong(0x3A0, hostsAt);
            out.write(h.clear(), 0);
        } finally {
            out.close();
        }
    }

    private ByteBuffer processTable(List<String> strings) {
        Map<Integer, ProcessInfo> sorted = new TreeMap<>(processes);
        int n = sorted.size();
        int total = 4 + 8 * n;
        for (ProcessInfo p : sorted.values()) {
            total += PROCESS_RECORD + MODULE_RECORD * p.modules().size();
        }
        ByteBuffer b = le(total);
        b.putInt(n);
        sorted.keySet().forEach(b::putInt);
        int rel = 4 + 8 * n;
        for (ProcessInfo p : sorted.values()) {
            b.putInt(rel);
            rel += PROCESS_RECORD + MODULE_RECORD * p.modules().size();
        }
        for (ProcessInfo p : sorted.values()) {
            ProcessColumns c = p.columns();
            boolean known = !c.equals(ProcessColumns.NONE);
            b.putInt(p.processIndex()).putInt(p.pid()).putInt(p.parentPid()).putInt(p.parentIndex());
            b.putLong(known && c.authenticationId() != ProcessColumns.UNKNOWN_LUID ? c.authenticationId() : 0)
                    .putInt(known ? Math.max(c.session(), 0) : 0).putInt(0);
            b.putLong(filetime(p.startTime())).putLong(filetime(p.endTime()))
                    .putInt(c.virtualized() ? 1 : 0).putInt(known && !c.is64Bit() ? 0 : 1);
            int[] texts = {string(strings, c.integrity()), string(strings, c.user()), string(strings, p.name()),
                string(strings, p.imagePath()), string(strings, p.commandLine()), string(strings, c.company()),
                string(strings, c.version()), string(strings, c.description())};
            for (int t : texts) {
                b.putInt(t);
            }
            b.putInt(0).putInt(0).putLong(1).putInt(p.modules().size());
            for (Module m : p.modules()) {
                b.putLong(0).putLong(m.base()).putInt((int) m.size()).putInt(string(strings, m.path()))
                        .putInt(string(strings, m.version())).putInt(string(strings, m.company()))
                        .putInt(string(strings, m.description())).putInt(0).put(new byte[0x18]);
            }
        }
        return b.flip();
    }

    private long filetime(long time) {
        return time == ProcessInfo.UNKNOWN_TIME ? 0 : origin + time;
    }

    /** @return the index of {@code s} in the strings table, added once */
    private int string(List<String> strings, String s) {
        if (s.isEmpty()) {
            return 0;
        }
        if (repeatStrings) {
            strings.add(s);
            return strings.size() - 1;
        }
        return stringIndex.computeIfAbsent(s, k -> {
            strings.add(k);
            return strings.size() - 1;
        });
    }

    private static ByteBuffer stringsTable(List<String> strings) {
        List<byte[]> encoded = new ArrayList<>();
        int total = 0;
        for (String s : strings) {
            byte[] b = s.isEmpty() ? new byte[0] : (s + "\0").getBytes(StandardCharsets.UTF_16LE);
            encoded.add(b);
            total += 4 + b.length;
        }
        ByteBuffer b = le(4 + 4 * strings.size() + total);
        b.putInt(strings.size());
        int rel = 4 + 4 * strings.size();
        for (byte[] e : encoded) {
            b.putInt(rel);
            rel += 4 + e.length;
        }
        for (byte[] e : encoded) {
            b.putInt(e.length).put(e);
        }
        return b.flip();
    }

    private ByteBuffer hostsTable() {
        ByteBuffer b = le(64 + hosts.keySet().stream().mapToInt(h -> 22 + 2 * h.length()).sum()
                + ports.keySet().stream().mapToInt(p -> 10 + 2 * p.length()).sum());
        b.putInt(hosts.size());
        hosts.forEach((name, address) -> {
            byte[] text = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
            b.put((byte) (address >>> 24)).put((byte) (address >>> 16)).put((byte) (address >>> 8)).put((byte) (int) address)
                    .put(new byte[12]).putInt(text.length).put(text);
        });
        b.putInt(ports.size());
        ports.forEach((key, number) -> {
            byte[] text = (key.substring(1) + "\0").getBytes(StandardCharsets.UTF_16LE);
            b.putShort((short) (int) number).putShort((short) (key.charAt(0) == 'T' ? 1 : 0)).putInt(text.length).put(text);
        });
        return b.flip();
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            position += out.write(b, position);
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** @return operation name to {class, operation, sub-operation}, from the reader's own tables */
    private static Map<String, int[]> operationCodes() {
        Map<String, int[]> codes = new HashMap<>();
        for (int c = 1; c <= 5; c++) {
            for (int op = 63; op >= 0; op--) {
                for (boolean tcp : new boolean[] {false, true}) {
                    String name = PmlNames.operation(c, op, 0, tcp);
                    if (!name.equals(PmlNames.UNKNOWN_SUB_OPERATION)) {
                        codes.putIfAbsent(name, new int[] {c, op, 0});
                    }
                }
                if (c == PmlNames.CLASS_FILE_SYSTEM) {
                    for (int sub = 1; sub < 256; sub++) {
                        String name = PmlNames.operation(c, op, sub, false);
                        if (!name.equals(PmlNames.UNKNOWN_SUB_OPERATION)) {
                            codes.putIfAbsent(name, new int[] {c, op, sub});
                        }
                    }
                }
            }
        }
        return codes;
    }
}
