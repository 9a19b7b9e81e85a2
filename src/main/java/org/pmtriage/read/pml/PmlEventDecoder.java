package org.pmtriage.read.pml;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.pmtriage.event.Operation;
import org.pmtriage.read.Decoding;

/**
 * Decodes the variable part of one event already in memory: the operation name (file-system
 * sub-operations, TCP/UDP), the Path of every class as ProcMon shows it, and the Detail as
 * ProcMon writes it (as far as the decoding level keeps it). Every read is checked against the
 * event's own bytes: a Path or a fixed field outside them throws {@link BadEvent}; a Detail field
 * outside them ends the Detail there, as ProcMon shows what it has.
 */
final class PmlEventDecoder {

    /** A field of an event points outside the event; carries no stack trace, it is expected input. */
    static final class BadEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadEvent(String message) {
            super(message, null, false, false);
        }
    }

    private final int p;
    private final PmlNetworkNames names;
    private final Decoding decoding;
    private final PmlText text;
    private final CreateFileDetails createFileDetails;
    private final PathTexts paths = new PathTexts();

    String operationName;
    Operation meaning;
    String path;
    String detail;
    /** the Category column, decoded only at {@link Decoding#EXPORT} */
    String category;

    /**
     * @param decoding which fields to decode; below {@link Decoding#FULL}, Process Start Details
     *                 also leave out the environment block, which the analysis never reads
     */
    PmlEventDecoder(int pointerSize, PmlNetworkNames names, Decoding decoding, PmlText text) {
        this.decoding = decoding;
        this.text = text;
        this.createFileDetails = new CreateFileDetails(text.locale());
        this.p = pointerSize;
        this.names = names;
    }

    /**
     * @param b          the window holding the event
     * @param d          index of the detail blob
     * @param end        index just past the event's bytes (the next event's start)
     * @param extra      index of the extra-detail data, or -1
     * @param extraSize  size of the extra-detail data in bytes
     * @param timestamp  the event's FILETIME, for the dates in its Detail
     */
    void decode(ByteBuffer b, int eventClass, int operation, int tid, int d, int end, int extra, int extraSize,
                long timestamp) {
        path = "";
        detail = "";
        category = "";
        text.start(timestamp);
        switch (eventClass) {
            case PmlNames.CLASS_FILE_SYSTEM -> fileSystem(b, operation, d, end, extra, extraSize);
            case PmlNames.CLASS_PROCESS -> process(b, operation, tid, d, end);
            case PmlNames.CLASS_REGISTRY -> registry(b, operation, d, end, extra, extraSize);
            case PmlNames.CLASS_NETWORK -> network(b, operation, d, end);
            default -> named(PmlNames.operation(eventClass, operation, 0, false));
        }
        if (decoding == Decoding.EXPORT) {
            category = text.category();
        }
    }

    private void named(String name) {
        operationName = name;
        meaning = Operation.of(name);
    }

    private void fileSystem(ByteBuffer b, int op, int d, int end, int extra, int extraSize) {
        need(d, 1, end);
        int sub = b.get(d) & 0xff;
        named(PmlNames.operation(PmlNames.CLASS_FILE_SYSTEM, op, sub, false));
        text.category(PmlFileDetails.category(op, sub));
        if (!decoding.keepsPath(meaning)) {
            return;
        }
        int info = d + 0x18 + 5 * p;
        need(info, 4, end);
        int pathInfo = b.getShort(info) & 0xffff;
        int pathAt = info + 4;
        path = path(b, pathAt, pathInfo, end);
        int after = pathAt + byteLength(pathInfo);
        if (op == PmlNames.FS_CREATE_FILE) {
            createFile(b, d, after, end, extra, extraSize);
        } else if (!decoding.keepsDetail(meaning)) {
            return;
        } else if (op == PmlNames.FS_READ_FILE || op == PmlNames.FS_WRITE_FILE) {
            need(d, 0x20 + 8, end);
            long offset = b.getLong(p == 8 ? d + 0x20 : d + 0x18);
            long length = Integer.toUnsignedLong(b.getInt(d + 0x10));
            if (extra >= 0 && extraSize >= 4) {
                length = Integer.toUnsignedLong(b.getInt(extra));
            }
            detail = PmlDetails.readWrite(text.locale(), offset, length, b.getInt(d + 8));
        } else if (op == PmlNames.FS_DIRECTORY_CONTROL && sub == 1) {
            need(after, 2, end);
            int filterInfo = b.getShort(after) & 0xffff;
            String filter = string(b, after + 2, filterInfo, end);
            if (!filter.isEmpty()) {
                path = path.endsWith("\\") ? path + filter : path + "\\" + filter;
            }
            int infoClass = d + 0x10 + 3 * p <= end ? b.getInt(d + 0x10 + 2 * p) : 0;
            detail = PmlDirectoryListing.detail(text, filter, infoClass, extraCursor(b, extra, extraSize));
        } else if (op != PmlNames.FS_CLOSE_FILE) {
            try {
                PmlFileDetails.detail(text, op, sub, p, new PmlCursor(b, d + 0x10, end), new PmlCursor(b, after, end),
                        extraCursor(b, extra, extraSize));
            } catch (BadEvent shortBlob) {
                // the fields that fit are shown, as ProcMon shows them
            }
            detail = text.done();
        }
    }

    private void createFile(ByteBuffer b, int d, int after, int end, int extra, int extraSize) {
        need(after, 5, end);
        int desiredAccess = b.getInt(after);
        int sidLength = b.get(after + 4) & 0xff;
        String sid = null;
        if (sidLength != 0) {
            need(after + 8, sidLength, end);
            sid = PmlDetails.sid(b.array(), after + 8, sidLength);
        }
        int flt = d + 0x10;
        need(flt, p == 8 ? 48 : 28, end);
        int dispositionAndOptions = b.getInt(flt + p);
        int attributes = b.getShort(flt + 2 * p) & 0xffff;
        int share = b.getShort(flt + 2 * p + 2) & 0xffff;
        long allocation = p == 8 ? b.getLong(flt + 40) : Integer.toUnsignedLong(b.getInt(flt + 24));
        int openResult = extra >= 0 && extraSize >= 4 ? b.getInt(extra) : -1;
        int disposition = dispositionAndOptions >>> 24;
        boolean writes = openResult == 0 || openResult == 2 || openResult == 3
                || openResult < 0 && disposition != 1 && disposition <= 5;
        text.category(writes ? "Write" : "");
        detail = createFileDetails.text(desiredAccess, dispositionAndOptions, attributes, share, allocation, sid, openResult);
    }

    private void process(ByteBuffer b, int op, int tid, int d, int end) {
        named(PmlNames.operation(PmlNames.CLASS_PROCESS, op, 0, false));
        if (!decoding.keepsPath(meaning)) {
            return;
        }
        switch (op) {
            case 0, 1 -> {
                need(d, 0x34, end);
                int childPid = b.getInt(d + 4);
                int skip = (b.get(d + 0x2C) & 0xff) + (b.get(d + 0x2D) & 0xff);
                int pathInfo = b.getShort(d + 0x2E) & 0xffff;
                int commandInfo = b.getShort(d + 0x30) & 0xffff;
                int at = d + 0x34 + skip;
                path = path(b, at, pathInfo, end);
                String commandLine = string(b, at + byteLength(pathInfo), commandInfo, end);
                detail = "PID: " + childPid + ", Command line: " + commandLine;
            }
            case 2 -> {
                need(d, 52, end);
                detail = PmlDetails.processExit(text.locale(), b.getInt(d), b.getLong(d + 4), b.getLong(d + 12), b.getLong(d + 20),
                        b.getLong(d + 28), b.getLong(d + 36), b.getLong(d + 44));
            }
            case 3 -> {
                need(d, 4, end);
                detail = "Thread ID: " + b.getInt(d);
            }
            case 4 -> {
                need(d, 20, end);
                detail = PmlDetails.threadExit(tid, b.getLong(d + 4), b.getLong(d + 12));
            }
            case 5 -> {
                need(d, p + 8, end);
                long base = p == 8 ? b.getLong(d) : Integer.toUnsignedLong(b.getInt(d));
                int size = b.getInt(d + p);
                path = path(b, d + p + 8, b.getShort(d + p + 4) & 0xffff, end);
                detail = "Image Base: 0x" + Long.toHexString(base) + ", Image Size: 0x" + Integer.toHexString(size);
            }
            case 7 -> processStart(b, d, end);
            default -> {
                // Thread Profile, Process Statistics, System Statistics: no path, Detail not decoded
            }
        }
    }

    private void processStart(ByteBuffer b, int d, int end) {
        need(d, 12, end);
        int parentPid = b.getInt(d);
        int commandInfo = b.getShort(d + 4) & 0xffff;
        int directoryInfo = b.getShort(d + 6) & 0xffff;
        long environmentChars = Integer.toUnsignedLong(b.getInt(d + 8));
        int at = d + 12;
        String commandLine = string(b, at, commandInfo, end);
        at += byteLength(commandInfo);
        String directory = string(b, at, directoryInfo, end);
        at += byteLength(directoryInfo);
        StringBuilder sb = new StringBuilder(256).append("Parent PID: ").append(parentPid)
                .append(", Command line: ").append(commandLine).append(", Current directory: ").append(directory)
                .append(", Environment: ");
        if (environmentChars > 0 && decoding.isComplete()) {
            need(at, environmentChars * 2, end);
            int stop = at + (int) environmentChars * 2;
            int from = at;
            for (int i = at; i + 1 < stop; i += 2) {
                if (b.getChar(i) == 0) {
                    if (i == from) {
                        break;
                    }
                    sb.append("\r;\t").append(Utf16Text.decode(b.array(), from, i - from));
                    from = i + 2;
                }
            }
        }
        detail = sb.toString();
    }

    private void registry(ByteBuffer b, int op, int d, int end, int extra, int extraSize) {
        named(PmlNames.operation(PmlNames.CLASS_REGISTRY, op, 0, false));
        text.category(PmlRegistryDetails.category(op));
        if (!decoding.keepsPath(meaning)) {
            return;
        }
        need(d, 2, end);
        int pathInfo = b.getShort(d) & 0xffff;
        int pathAt = d + 2 + PmlRegistryDetails.fieldsBeforePath(op);
        path = string(b, pathAt, pathInfo, end);
        if (decoding.keepsDetail(meaning)) {
            try {
                PmlRegistryDetails.detail(text, op, new PmlCursor(b, d + 2, end),
                        new PmlCursor(b, pathAt + byteLength(pathInfo), end), extraCursor(b, extra, extraSize));
            } catch (BadEvent shortBlob) {
                // the fields that fit are shown, as ProcMon shows them
            }
            detail = text.done();
        }
    }

    private static PmlCursor extraCursor(ByteBuffer b, int extra, int extraSize) {
        return extra < 0 ? null : new PmlCursor(b, extra, extra + extraSize);
    }

    private void network(ByteBuffer b, int op, int d, int end) {
        need(d, 44, end);
        int flags = b.getShort(d) & 0xffff;
        boolean tcp = (flags & 4) != 0;
        named(PmlNames.operation(PmlNames.CLASS_NETWORK, op, 0, tcp));
        if (!decoding.keepsPath(meaning)) {
            return;
        }
        byte[] a = b.array();
        path = host(a, d + 8, (flags & 1) != 0) + ":" + port(b.getShort(d + 40) & 0xffff, tcp) + " -> "
                + host(a, d + 24, (flags & 2) != 0) + ":" + port(b.getShort(d + 42) & 0xffff, tcp);
        if (decoding.keepsDetail(meaning)) {
            text.plain("Length", Integer.toUnsignedLong(b.getInt(d + 4)));
            PmlCursor pairs = new PmlCursor(b, d + 44, end);
            while (pairs.left() >= 2) {
                String key = zeroEnded(pairs);
                if (key.isEmpty() || pairs.left() < 2) {
                    break;
                }
                text.text(key, zeroEnded(pairs));
            }
            detail = text.done();
        }
    }

    /** @return UTF-16 text up to a NUL (consumed) or the end */
    private static String zeroEnded(PmlCursor c) {
        int from = c.position();
        int chars = 0;
        while (c.left() >= 2) {
            if (c.u16() == 0) {
                return Utf16Text.decode(c.array(), from, chars * 2);
            }
            chars++;
        }
        return Utf16Text.decode(c.array(), from, chars * 2);
    }

    private String host(byte[] a, int at, boolean ipv4) {
        String name = names.hosts().get(PmlTables.ipKey(a, at));
        if (name != null && !name.isEmpty()) {
            return name;
        }
        if (ipv4) {
            return (a[at] & 0xff) + "." + (a[at + 1] & 0xff) + "." + (a[at + 2] & 0xff) + "." + (a[at + 3] & 0xff);
        }
        StringBuilder sb = new StringBuilder(40);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(Integer.toHexString((a[at + i] & 0xff) << 8 | (a[at + i + 1] & 0xff)));
        }
        return sb.toString();
    }

    private String port(int port, boolean tcp) {
        String name = names.ports().get(tcp ? port | 0x10000 : port);
        return name != null && !name.isEmpty() ? name : Integer.toString(port);
    }

    private static int byteLength(int info) {
        int chars = info & 0x7fff;
        return (info & 0x8000) != 0 ? chars : chars * 2;
    }

    private static String string(ByteBuffer b, int at, int info, int end) {
        int length = byteLength(info);
        if (length == 0) {
            return "";
        }
        need(at, length, end);
        return text(b.array(), at, length, (info & 0x8000) != 0);
    }

    /** {@link #string}, the same instance for a path met lately: the analysis keys every event by its path. */
    private String path(ByteBuffer b, int at, int info, int end) {
        int length = byteLength(info);
        if (length == 0) {
            return "";
        }
        need(at, length, end);
        return paths.text(b, at, length, (info & 0x8000) != 0);
    }

    /** @return the text of {@code length} bytes at {@code at}, one byte per character or UTF-16LE */
    static String text(byte[] a, int at, int length, boolean oneByteChars) {
        return oneByteChars ? new String(a, at, length, StandardCharsets.ISO_8859_1) : Utf16Text.decode(a, at, length);
    }

    private static void need(long at, long length, int end) {
        if (at + length > end) {
            throw new BadEvent("a detail field runs " + (at + length - end) + " bytes past the event's end");
        }
    }
}
