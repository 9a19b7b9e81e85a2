package org.pmtriage.read.pml;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;

/**
 * Turns an event's Path and Detail text back into the 64-bit PML detail blob the reader decodes,
 * for the test writer. Only the Details the reader decodes are parsed; other operations get the
 * path only. Whole numbers may carry {@code ,} or {@code .} thousands separators.
 */
final class PmlDetailEncoder {

    private final Map<String, Integer> hostAddresses;
    private final Map<String, Integer> portNumbers;

    PmlDetailEncoder(Map<String, Integer> hostAddresses, Map<String, Integer> portNumbers) {
        this.hostAddresses = hostAddresses;
        this.portNumbers = portNumbers;
    }

    /** The encoded parts of one event. */
    record Encoded(byte[] detail, byte[] extra) {
    }

    Encoded encode(int eventClass, int op, int sub, Event e, int childIndex) {
        Blob b = new Blob();
        byte[] extra = null;
        String d = e.detail();
        switch (eventClass) {
            case PmlNames.CLASS_FILE_SYSTEM -> {
                b.u8(sub).zeros(0x3F);
                if (op == PmlNames.FS_CREATE_FILE) {
                    CreateFileDetail c = CreateFileDetail.parse(d);
                    int disposition = indexOf(new String[] {"Supersede", "Open", "Create", "OpenIf", "Overwrite",
                        "OverwriteIf"}, c.disposition());
                    b.putInt(0x18, disposition << 24 | flags(c.options(), "Options"));
                    b.putShort(0x20, attributes(c.attributes()));
                    b.putShort(0x22, (c.shareMode().contains("Read") ? 1 : 0) | (c.shareMode().contains("Write") ? 2 : 0)
                            | (c.shareMode().contains("Delete") ? 4 : 0));
                    b.putLong(0x38, number(value(d, "AllocationSize: ", ", ")));
                    b.path(e.path()).u32(access(c.desiredAccess())).u32(0);
                    if (!c.openResult().isEmpty()) {
                        extra = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(indexOf(new String[] {
                            "Superseded", "Opened", "Created", "Overwritten", "Exists", "DoesNotExist"}, c.openResult()))
                                .array();
                    }
                } else if (op == PmlNames.FS_READ_FILE || op == PmlNames.FS_WRITE_FILE) {
                    int priority = indexOf(new String[] {"", "Very Low", "Low", "Normal", "High", "Critical"},
                            value(d, "Priority: ", ", "));
                    b.putInt(0x08, flags(value(d, "I/O Flags: ", ", Priority"), "I/O") | Math.max(priority, 0) << 17);
                    b.putInt(0x10, (int) number(value(d, "Length: ", ", ")));
                    b.putLong(0x20, number(value(d, "Offset: ", ", ")));
                    b.path(e.path());
                } else {
                    b.path(e.path());
                    if (op == PmlNames.FS_DIRECTORY_CONTROL && sub == 1) {
                        b.u16(0);
                    }
                }
            }
            case PmlNames.CLASS_PROCESS -> process(b, op, e, childIndex);
            case PmlNames.CLASS_REGISTRY -> {
                int skip = switch (op) {
                    case 12, 14 -> 2;
                    case 0, 1 -> 6;
                    case 3, 5 -> 10;
                    case 4, 6, 7, 8 -> 14;
                    default -> 0;
                };
                b.u16(info(e.path())).zeros(skip).chars(e.path());
            }
            case PmlNames.CLASS_NETWORK -> network(b, e);
            default -> {
                // profiling: no detail
            }
        }
        return new Encoded(b.bytes(), extra);
    }

    private void process(Blob b, int op, Event e, int childIndex) {
        String d = e.detail();
        switch (op) {
            case 0, 1 -> {
                String command = after(d, ", Command line: ");
                b.u32(childIndex).u32((int) number(value(d, "PID: ", ", "))).u32(e.processIndex()).u32(e.pid())
                        .zeros(0x1C).u8(0).u8(0).u16(info(e.path())).u16(info(command)).u16(0)
                        .chars(e.path()).chars(command);
            }
            case 2 -> b.u32((int) number(value(d, "Exit Status: ", ", "))).u64(ticks(value(d, "Kernel Time: ", " ")))
                    .u64(ticks(value(d, "User Time: ", " "))).u64(number(value(d, "Working Set: ", ", ")))
                    .u64(number(value(d, "Peak Working Set: ", ", "))).u64(number(value(d, "Private Bytes: ", ", ")))
                    .u64(number(value(d, "Peak Private Bytes: ", ", ")));
            case 3 -> b.u32((int) number(value(d, "Thread ID: ", ", ")));
            case 4 -> b.u32(0).u64(ticks(value(d, "Kernel Time: ", ", "))).u64(ticks(value(d, "User Time: ", ", ")));
            case 5 -> b.u64(Long.parseUnsignedLong(value(d, "Image Base: 0x", ", "), 16))
                    .u32(Integer.parseUnsignedInt(value(d, "Image Size: 0x", ", "), 16)).u16(info(e.path())).u16(0)
                    .chars(e.path());
            case 7 -> {
                String command = between(d, ", Command line: ", ", Current directory: ");
                String directory = between(d, ", Current directory: ", ", Environment: ");
                String environment = after(d, ", Environment: ");
                StringBuilder block = new StringBuilder();
                for (String entry : environment.split("\r;\t")) {
                    if (!entry.isEmpty()) {
                        block.append(entry).append('\0');
                    }
                }
                block.append('\0');
                b.u32((int) number(value(d, "Parent PID: ", ", "))).u16(info(command)).u16(info(directory))
                        .u32(block.length()).chars(command).chars(directory)
                        .raw(block.toString().getBytes(StandardCharsets.UTF_16LE));
            }
            default -> {
                // no detail
            }
        }
    }

    private void network(Blob b, Event e) {
        String[] ends = e.path().split(" -> ", 2);
        boolean tcp = e.operationName().startsWith("TCP ");
        b.u16(3 | (tcp ? 4 : 0)).u16(0).u32(0);
        int[] ports = new int[2];
        for (int i = 0; i < 2; i++) {
            String end = i < ends.length ? ends[i] : ":0";
            int colon = end.lastIndexOf(':');
            String host = end.substring(0, Math.max(colon, 0));
            String port = end.substring(colon + 1);
            int address = hostAddresses.computeIfAbsent(host, h -> 0x0A000001 + hostAddresses.size());
            b.raw(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address})
                    .zeros(12);
            ports[i] = port.chars().allMatch(Character::isDigit) && !port.isEmpty() ? Integer.parseInt(port)
                    : portNumbers.computeIfAbsent((tcp ? "T" : "U") + port, p -> 40000 + portNumbers.size());
        }
        b.u16(ports[0]).u16(ports[1]).u32(0);
    }

    private static int access(String text) {
        int mask = 0;
        for (String part : text.split(", ")) {
            mask |= switch (part) {
                case "All Access" -> 0x1F01FF;
                case "Generic Read/Write/Execute" -> 0x1201BF;
                case "Generic Read/Write" -> 0x12019F;
                case "Generic Read/Execute" -> 0x1200A9;
                case "Generic Write/Execute" -> 0x1201B6;
                case "Generic Read" -> 0x120089;
                case "Generic Write" -> 0x120116;
                case "Generic Execute" -> 0x1200A0;
                default -> flags(part, "Access");
            };
        }
        return mask;
    }

    private static final String[][] FLAG_NAMES = {
        {"Access", "Read Data/List Directory", "Write Data/Add File", "Append Data/Add Subdirectory/Create Pipe Instance",
            "Read EA", "Write EA", "Execute/Traverse", "Delete Child", "Read Attributes", "Write Attributes", "", "", "",
            "", "", "", "", "Delete", "Read Control", "Write DAC", "Write Owner", "Synchronize", "", "", "",
            "Access System Security", "Maximum Allowed"},
        {"Options", "Directory", "Write Through", "Sequential Access", "No Buffering", "Synchronous IO Alert",
            "Synchronous IO Non-Alert", "Non-Directory File", "Create Tree Connection", "Complete If Oplocked",
            "No EA Knowledge", "Open for Recovery", "Random Access", "Delete On Close", "Open By ID", "Open For Backup",
            "No Compression", "Open Requiring Oplock", "Disallow Exclusive", "", "", "Reserve OpFilter",
            "Open Reparse Point", "Open No Recall", "Open For Free Space Query"},
        {"I/O", "Non-cached", "Paging I/O", "Synchronous", "", "Buffered", "", "Synchronous Paging I/O", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "Write Through"},
    };

    /** @return the bits named in a {@code ", "}-separated list, by the table named {@code kind} */
    private static int flags(String text, String kind) {
        String[] names = java.util.Arrays.stream(FLAG_NAMES).filter(t -> t[0].equals(kind)).findFirst().orElseThrow();
        int mask = 0;
        for (String part : text.split(", ")) {
            for (int bit = 1; bit < names.length; bit++) {
                if (!part.isEmpty() && names[bit].equals(part)) {
                    mask |= 1 << (bit - 1);
                }
            }
        }
        return mask;
    }

    private static int attributes(String text) {
        String[] letters = {"NCI", "SF", "RP", "R", "H", "S", "D", "A", "N", "T", "C", "O", "E", "V"};
        int[] bits = {0x2000, 0x200, 0x400, 0x1, 0x2, 0x4, 0x10, 0x20, 0x80, 0x100, 0x800, 0x1000, 0x4000, 0x10000};
        int mask = 0;
        String rest = text.equals("n/a") ? "" : text;
        while (!rest.isEmpty()) {
            int i = 0;
            while (i < letters.length && !rest.startsWith(letters[i])) {
                i++;
            }
            if (i == letters.length) {
                throw new IllegalArgumentException("attribute letters " + text);
            }
            mask |= bits[i];
            rest = rest.substring(letters[i].length());
        }
        return mask;
    }

    private static int indexOf(String[] names, String name) {
        return java.util.Arrays.asList(names).indexOf(name);
    }

    private static long ticks(String seconds) {
        return seconds.isEmpty() ? 0 : Math.round(Double.parseDouble(seconds.replace(',', '.')) * 10_000_000);
    }

    private static long number(String text) {
        String digits = text.replace(",", "").replace(".", ""); // en-US or es-ES grouping
        return digits.isEmpty() || digits.equals("n/a") ? 0 : Long.parseLong(digits);
    }

    private static String value(String detail, String key, String end) {
        int at = detail.indexOf(key);
        if (at < 0) {
            return "";
        }
        int from = at + key.length();
        int stop = detail.indexOf(end, from);
        if (end.equals(", ")) {
            // values with commas inside: stop at the next ", Key: "
            stop = nextKey(detail, from);
        }
        return detail.substring(from, stop < 0 ? detail.length() : stop);
    }

    private static int nextKey(String detail, int from) {
        int at = detail.indexOf(", ", from);
        while (at >= 0) {
            int colon = detail.indexOf(": ", at + 2);
            int comma = detail.indexOf(", ", at + 2);
            if (colon > 0 && (comma < 0 || colon < comma) && detail.substring(at + 2, colon).matches("[A-Za-z/ ]+")) {
                return at;
            }
            at = comma;
        }
        return -1;
    }

    private static String between(String d, String start, String end) {
        int from = d.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        int to = d.indexOf(end, from);
        return d.substring(from, to < 0 ? d.length() : to);
    }

    private static String after(String d, String start) {
        int from = d.indexOf(start);
        return from < 0 ? "" : d.substring(from + start.length());
    }

    static int info(String s) {
        boolean ascii = s.chars().allMatch(c -> c < 0x80);
        if (s.length() > 0x7fff) {
            throw new IllegalArgumentException("string longer than 32767 characters");
        }
        return ascii ? 0x8000 | s.length() : s.length();
    }

    /** A little-endian byte builder. */
    static final class Blob {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        private byte[] patched;

        Blob u8(int v) {
            out.write(v);
            return this;
        }

        Blob u16(int v) {
            return u8(v).u8(v >>> 8);
        }

        Blob u32(int v) {
            return u16(v).u16(v >>> 16);
        }

        Blob u64(long v) {
            return u32((int) v).u32((int) (v >>> 32));
        }

        Blob zeros(int n) {
            out.write(new byte[n], 0, n);
            return this;
        }

        Blob raw(byte[] bytes) {
            out.write(bytes, 0, bytes.length);
            return this;
        }

        Blob chars(String s) {
            boolean ascii = (info(s) & 0x8000) != 0;
            return raw(s.getBytes(ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE));
        }

        /** Writes the file-system path info at 0x40 and the path at 0x44 (64-bit layout). */
        Blob path(String s) {
            byte[] b = out.toByteArray();
            out.reset();
            out.write(b, 0, 0x40);
            return u16(info(s)).u16(0).chars(s);
        }

        Blob putInt(int at, int v) {
            return patch(at, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        }

        Blob putShort(int at, int v) {
            return patch(at, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array());
        }

        Blob putLong(int at, long v) {
            return patch(at, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }

        private Blob patch(int at, byte[] v) {
            patched = out.toByteArray();
            System.arraycopy(v, 0, patched, at, v.length);
            out.reset();
            out.write(patched, 0, patched.length);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
