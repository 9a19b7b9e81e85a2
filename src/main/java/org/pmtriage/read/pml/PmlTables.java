package org.pmtriage.read.pml;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.pmtriage.event.Module;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.internal.RealCaptures;
import org.pmtriage.read.internal.TextBudget;

/**
 * The tables at the end of a PML file that events refer to: strings, processes (with their
 * columns and modules) and the host and port names of network events. They are small (a few MB at most) and loaded at open; every
 * offset and count inside them is bounds-checked.
 */
final class PmlTables {

    /** Largest table region read into memory; real tables are a few MB. */
    static final long MAX_TABLE_BYTES = 64L << 20;

    final Map<Integer, PmlProcess> processes = new HashMap<>();
    /** The columns read so far, each once: processes of one user and image share them. */
    private final Map<ProcessColumns, ProcessColumns> columns = new HashMap<>();
    final PmlNetworkNames names = new PmlNetworkNames(new HashMap<>(), new HashMap<>());

    private final String source;
    private final TextBudget texts;

    private PmlTables(String source, TextBudget texts) {
        this.source = source;
        this.texts = texts;
    }

    /** @param texts cuts strings longer than {@link TextBudget#MAX_CHARS} as they are decoded */
    static PmlTables read(FileChannel channel, PmlHeader h, String source, TextBudget texts) throws IOException {
        PmlTables t = new PmlTables(source, texts);
        Strings strings = t.new Strings(channel, h.stringsOffset(), h.iconsOffset());
        t.readProcesses(t.region(channel, h.processTableOffset(), h.stringsOffset(), "process table"), strings, h);
        t.readHosts(t.region(channel, h.hostsOffset(), h.fileSize(), "hosts table"));
        return t;
    }

    private void readProcesses(Region p, Strings strings, PmlHeader h) throws IOException {
        int count = p.u32count(0, 8, "process");
        for (int i = 0; i < count; i++) {
            long rel = Integer.toUnsignedLong(p.u32(4 + 4L * count + 4L * i));
            int record = i;
            // the name of what is read, made only for a message: a table has tens of thousands of records
            Supplier<String> what = () -> "process record " + record;
            p.need(rel, 0x58, what);
            int at = (int) rel;
            int index = p.buf.getInt(at);
            processes.put(index, new PmlProcess(index, p.buf.getInt(at + 4), p.buf.getInt(at + 8),
                    p.buf.getInt(at + 0x0C), p.buf.getLong(at + 0x20), p.buf.getLong(at + 0x28),
                    strings.get(p, at + 0x40, what), strings.get(p, at + 0x44, what),
                    strings.get(p, at + 0x48, what), shared(columns(p, at, strings, what)),
                    modules(p, at, h.pointerSize(), strings, what)));
        }
    }

    private ProcessColumns shared(ProcessColumns read) {
        ProcessColumns known = columns.putIfAbsent(read, read);
        return known == null ? read : known;
    }

    /** @return the process's User, Integrity, Company, Version, Description and session fields */
    private static ProcessColumns columns(Region p, int at, Strings strings, Supplier<String> what)
            throws IOException {
        long luid = p.buf.getLong(at + 0x10);
        return new ProcessColumns(strings.get(p, at + 0x3C, what), strings.get(p, at + 0x38, what),
                strings.get(p, at + 0x4C, what), strings.get(p, at + 0x54, what),
                strings.get(p, at + 0x50, what), luid, p.buf.getInt(at + 0x18),
                p.buf.getInt(at + 0x30) != 0, p.buf.getInt(at + 0x34) != 0);
    }

    /**
     * @param pointer the capture's pointer size
     * @return the modules listed inline after the process record (PML-FORMAT.md section 5), none
     *         when the record says they are not stored inline
     */
    private List<Module> modules(Region p, int at, int pointer, Strings strings, Supplier<String> what)
            throws IOException {
        p.need(at + 0x60, pointer + 4L, () -> "the module count of " + what.get());
        if (p.bytes[at + 0x60] == 0) {
            return List.of();
        }
        int countAt = at + 0x60 + pointer;
        long count = Integer.toUnsignedLong(p.buf.getInt(countAt));
        if (count > RealCaptures.MAX_MODULES) {
            throw new LogFormatException(source, "byte 0x" + Long.toHexString(p.start + countAt), what.get() + " claims "
                    + count + " modules, more than the " + RealCaptures.MAX_MODULES + " a process can plausibly load");
        }
        int size = 2 * pointer + 0x30;
        int first = countAt + 4;
        p.need(first, count * size, () -> "the list of " + count + " modules of " + what.get());
        Module[] modules = new Module[(int) count];
        for (int m = 0; m < count; m++) {
            int r = first + m * size;
            int number = m;
            Supplier<String> module = () -> "module " + number + " of " + what.get();
            long base = pointer == 8 ? p.buf.getLong(r + pointer) : Integer.toUnsignedLong(p.buf.getInt(r + pointer));
            int s = r + 2 * pointer;
            modules[m] = new Module(base, Integer.toUnsignedLong(p.buf.getInt(s)), strings.get(p, s + 4, module),
                    strings.get(p, s + 8, module), strings.get(p, s + 12, module), strings.get(p, s + 16, module));
        }
        return List.of(modules);
    }

    private void readHosts(Region r) {
        int hostCount = r.u32count(0, 20, "host");
        long at = 4;
        for (int i = 0; i < hostCount; i++) {
            r.need(at, 20, "host " + i);
            String ip = ipKey(r.bytes, (int) at);
            long size = Integer.toUnsignedLong(r.u32(at + 16));
            r.need(at + 20, size, "host name " + i);
            names.hosts().put(ip, utf16(r.bytes, (int) at + 20, (int) size));
            at += 20 + size;
        }
        int portCount = r.u32count(at, 8, "port");
        at += 4;
        for (int i = 0; i < portCount; i++) {
            r.need(at, 8, "port " + i);
            int port = r.buf.getShort((int) at) & 0xffff;
            boolean tcp = r.buf.getShort((int) at + 2) != 0;
            long size = Integer.toUnsignedLong(r.u32(at + 4));
            r.need(at + 8, size, "port name " + i);
            names.ports().put(tcp ? port | 0x10000 : port, utf16(r.bytes, (int) at + 8, (int) size));
            at += 8 + size;
        }
    }

    /** @return UTF-16LE text without its trailing NULs */
    private static String utf16(byte[] b, int at, int size) {
        int end = at + (size & ~1);
        while (end >= at + 2 && b[end - 1] == 0 && b[end - 2] == 0) {
            end -= 2;
        }
        return Utf16Text.decode(b, at, end - at);
    }

    /** @return the 16 raw address bytes as a map key */
    static String ipKey(byte[] b, int at) {
        return new String(b, at, 16, StandardCharsets.ISO_8859_1);
    }

    /** @return the size of the table {@code [from, to)}, refused when no real table is that large */
    private long checkedSize(long from, long to, String what) {
        long size = to - from;
        if (size > MAX_TABLE_BYTES) {
            throw new LogFormatException(source, "byte 0x" + Long.toHexString(from), "the " + what + " is "
                    + size + " bytes, more than the " + MAX_TABLE_BYTES + " a PML table can plausibly need");
        }
        return size;
    }

    private Region region(FileChannel channel, long from, long to, String what) throws IOException {
        long size = checkedSize(from, to, what);
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (channel.read(b, from + b.position()) < 0) {
                throw new LogFormatException(source, "byte 0x" + Long.toHexString(from + b.position()),
                        "unexpected end of file in the " + what);
            }
        }
        return new Region(b, from, what);
    }

    /**
     * The strings table, read through two small windows (its index and its text) rather than into
     * memory: it can hold tens of MB, of which the process table uses a few strings per process.
     * Each string is decoded once, whichever entries point at it (the cache is keyed by where the
     * string lies), and only up to {@link TextBudget#MAX_CHARS}; processes share names and image paths,
     * held once even where the table stores them again.
     */
    private final class Strings {
        private static final int WINDOW = 64 * 1024;
        private static final String WHAT = "strings table";
        private static final Supplier<String> A_FIELD = () -> "a field";

        private final long start;
        private final long size;
        private final PmlWindow index;
        private final PmlWindow text;
        private final int count;
        private final Map<Long, String> decoded = new HashMap<>();
        /** Each text held once, whichever strings hold it: a table may store a name or image path per process. */
        private final Map<String, String> byText = new HashMap<>();

        Strings(FileChannel channel, long from, long to) throws IOException {
            start = from;
            size = checkedSize(from, to, WHAT);
            index = new PmlWindow(channel, WINDOW);
            text = new PmlWindow(channel, WINDOW);
            long n = Integer.toUnsignedLong(u32(index, 0));
            if (n * 4 > size - 4) {
                throw new LogFormatException(source, "byte 0x" + Long.toHexString(start), "the " + WHAT
                        + " claims " + n + " string entries, more than fit in its " + size + " bytes");
            }
            count = (int) n;
        }

        /**
         * @param table the table holding the string's index
         * @param field where in {@code table} the index lies
         * @param owner what refers to the string, for the message
         * @return the string, decoded once whoever refers to it
         */
        String get(Region table, int field, Supplier<String> owner) throws IOException {
            int i = table.buf.getInt(field);
            if (i < 0 || i >= count) {
                throw new LogFormatException(source, "byte 0x" + Long.toHexString(table.start + field), owner.get()
                        + " refers to string " + Integer.toUnsignedString(i) + ", but the " + WHAT + " has " + count);
            }
            long rel = Integer.toUnsignedLong(u32(index, 4 + 4L * i));
            String known = decoded.get(rel);
            if (known == null) {
                known = decode(rel, i);
                String same = byText.putIfAbsent(known, known);
                if (same != null) {
                    known = same;
                }
                decoded.put(rel, known);
            }
            return known;
        }

        private String decode(long rel, int i) throws IOException {
            long bytes = Integer.toUnsignedLong(u32(text, rel));
            need(rel + 4, bytes, () -> "string " + i);
            long kept = Math.min(bytes, 2L * TextBudget.MAX_CHARS);
            if (kept < bytes) {
                texts.cut("string " + i + " of the " + WHAT + " (at 0x" + Long.toHexString(start + rel) + ")", bytes / 2);
            }
            int at = text.at(start + rel + 4, (int) kept);
            ByteBuffer b = text.buffer();
            int end = at + (int) (kept & ~1L);
            while (end > at && b.getChar(end - 2) == 0) {
                end -= 2;
            }
            return Utf16Text.decode(text.array(), at, end - at);
        }

        private int u32(PmlWindow w, long rel) throws IOException {
            need(rel, 4, A_FIELD);
            return w.buffer().getInt(w.at(start + rel, 4));
        }

        private void need(long rel, long length, Supplier<String> item) {
            if (rel < 0 || length < 0 || rel + length > size) {
                throw new LogFormatException(source, "byte 0x" + Long.toHexString(start + Math.max(rel, 0)),
                        item.get() + " of the " + WHAT + " runs past its end (0x" + Long.toHexString(start + size) + ")");
            }
        }
    }

    /** A table read into memory, with checked access relative to its start. */
    private final class Region {
        final ByteBuffer buf;
        final byte[] bytes;
        final long start;
        final String what;

        Region(ByteBuffer buf, long start, String what) {
            this.buf = buf;
            this.bytes = buf.array();
            this.start = start;
            this.what = what;
        }

        void need(long rel, long length, String item) {
            if (rel < 0 || length < 0 || rel + length > bytes.length) {
                throw pastEnd(rel, item);
            }
        }

        void need(long rel, long length, Supplier<String> item) {
            if (rel < 0 || length < 0 || rel + length > bytes.length) {
                throw pastEnd(rel, item.get());
            }
        }

        private LogFormatException pastEnd(long rel, String item) {
            return new LogFormatException(source, "byte 0x" + Long.toHexString(start + Math.max(rel, 0)),
                    item + " of the " + what + " runs past its end (0x" + Long.toHexString(start + bytes.length) + ")");
        }

        int u32(long rel) {
            need(rel, 4, "a field");
            return buf.getInt((int) rel);
        }

        /** @return a count at rel, checked against the room left for items of at least minSize bytes */
        int u32count(long rel, int minSize, String item) {
            long n = Integer.toUnsignedLong(u32(rel));
            if (n * minSize > bytes.length - rel - 4) {
                throw new LogFormatException(source, "byte 0x" + Long.toHexString(start + rel), "the " + what
                        + " claims " + n + " " + item + " entries, more than fit in its " + bytes.length + " bytes");
            }
            return (int) n;
        }
    }
}
