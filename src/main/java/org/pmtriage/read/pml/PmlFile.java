package org.pmtriage.read.pml;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.pmtriage.event.Stack;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.internal.RealCaptures;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.read.pml.PmlEventDecoder.BadEvent;

/**
 * One PML file being walked event by event: the offsets array is read in chunks, each event's
 * bytes through a {@link PmlWindow}, and the fixed header of the current event is exposed as
 * fields. Nothing per event is kept after {@link #advance()} moves on.
 */
final class PmlFile implements Closeable {

    static final int EVENT_HEADER = 0x34;
    /** Larger events are treated as corrupt: real ones are below 200 KB (stack, detail, 64 KB extra). */
    static final int MAX_EVENT_BYTES = 8 << 20;
    private static final int OFFSETS_PER_CHUNK = 64 * 1024;
    private static final long FOUR_GIB = 1L << 32;

    final String source;
    final PmlHeader header;
    final PmlEventDecoder decoder;
    private final FileChannel channel;
    private final boolean owned;
    private final PmlWindow window;
    private final ByteBuffer offsets = ByteBuffer.allocate(5 * OFFSETS_PER_CHUNK).order(ByteOrder.LITTLE_ENDIAN);
    private final int pointerSize;
    /** The current event's return addresses, read before they are copied into its stack. */
    private final long[] addresses = new long[RealCaptures.MAX_STACK_FRAMES];
    private long offsetsFirst = -1;
    private int offsetsCount;
    private long next;
    private long previousOffset = -1;

    // the current event
    long offset;
    int processIndex;
    int tid;
    int eventClass;
    int operation;
    long timestamp;
    long duration;
    int status;
    int depth;
    private int index;
    private int detail;
    private int detailEnd;
    private int extra;
    private int extraSize;

    /**
     * Opens a file and reads its header; its tables are read by {@link #readTables()}.
     *
     * @param names the host and port names of its network events (from its tables)
     * @param text  how Details write numbers and dates
     */
    PmlFile(Path file, String source, int windowBytes, Decoding decoding, PmlNetworkNames names, PmlText text)
            throws IOException {
        this(FileChannel.open(file, StandardOpenOption.READ), true, source, windowBytes, decoding, names, text);
    }

    /**
     * Reads a file through {@code channel}: a temporary copy's, which outlives this reader when
     * {@code owned} is false.
     */
    PmlFile(FileChannel channel, boolean owned, String source, int windowBytes, Decoding decoding,
            PmlNetworkNames names, PmlText text) throws IOException {
        this.source = source;
        this.channel = channel;
        this.owned = owned;
        try {
            this.header = PmlHeader.read(channel, source);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        this.pointerSize = header.pointerSize();
        this.window = new PmlWindow(channel, windowBytes);
        this.decoder = new PmlEventDecoder(pointerSize, names, decoding, text);
    }

    /**
     * @param texts cuts overlong strings
     * @return the file's process, string, host and port tables
     */
    PmlTables readTables(TextBudget texts) throws IOException {
        return PmlTables.read(channel, header, source, texts);
    }

    /** @return true while events remain (including bad ones that {@link #advance()} reports) */
    boolean hasMore() {
        return next < header.eventCount();
    }

    /** @return how far through the file reading has come, in bytes: all of it once the last event is read */
    long progress() {
        return hasMore() ? offset : header.fileSize();
    }

    /** @return the timestamp of event {@code i} (0-based), or 0 when there is none or it is unreadable */
    long timestampAt(long i) throws IOException {
        if (i < 0 || i >= header.eventCount()) {
            return 0;
        }
        long at = offsetAt(i);
        if (at < header.eventsOffset() || at + EVENT_HEADER > header.offsetsArrayOffset()) {
            return 0;
        }
        return window.buffer().getLong(window.at(at, EVENT_HEADER) + 0x1C);
    }

    /**
     * Moves to the next event and reads its fixed header.
     *
     * @throws BadEvent when this event is corrupt; the file stays usable for the next one
     */
    void advance() throws IOException {
        long i = next++;
        offset = offsetAt(i);
        long limit = header.offsetsArrayOffset();
        if (offset < header.eventsOffset() || offset + EVENT_HEADER > limit) {
            throw new BadEvent("event " + (i + 1) + " has offset 0x" + Long.toHexString(offset)
                    + ", outside the events region 0x" + Long.toHexString(header.eventsOffset()) + "-0x"
                    + Long.toHexString(limit));
        }
        if (offset <= previousOffset) {
            throw new BadEvent("event " + (i + 1) + " has offset 0x" + Long.toHexString(offset)
                    + ", not after the previous event's 0x" + Long.toHexString(previousOffset));
        }
        previousOffset = offset;
        if (i + 1 < header.eventCount()) {
            long following = offsetAt(i + 1);
            if (following > offset && following <= limit) {
                limit = following;
            }
        }
        long span = Math.min(limit - offset, MAX_EVENT_BYTES);
        int at = window.at(offset, EVENT_HEADER);
        ByteBuffer b = window.buffer();
        processIndex = b.getInt(at);
        tid = b.getInt(at + 4);
        eventClass = b.getInt(at + 8);
        operation = b.getShort(at + 0x0C) & 0xffff;
        duration = b.getLong(at + 0x14);
        timestamp = b.getLong(at + 0x1C);
        status = b.getInt(at + 0x24);
        depth = b.getShort(at + 0x28) & 0xffff;
        long detailSize = Integer.toUnsignedLong(b.getInt(at + 0x2C));
        long extraOffset = Integer.toUnsignedLong(b.getInt(at + 0x30));
        if (eventClass < 1 || eventClass > 5) {
            throw new BadEvent("event class " + Integer.toUnsignedString(eventClass) + " is not 1-5");
        }
        if (depth > RealCaptures.MAX_STACK_FRAMES) {
            throw new BadEvent("its stack depth is " + depth + " frames, more than the "
                    + RealCaptures.MAX_STACK_FRAMES + " a real capture records");
        }
        long detailStart = EVENT_HEADER + (long) depth * pointerSize;
        long needed = detailStart + detailSize;
        if (extraOffset != 0) {
            if (extraOffset < EVENT_HEADER || extraOffset + 2 > span) {
                throw new BadEvent("extra detail offset 0x" + Long.toHexString(extraOffset) + " lies outside the event ("
                        + span + " bytes)");
            }
            needed = Math.max(needed, extraOffset + 2);
        }
        if (needed > span) {
            throw new BadEvent("the event needs " + needed + " bytes (stack " + depth + " frames, detail "
                    + detailSize + "), but only " + span + " are left before the next event");
        }
        extra = -1;
        extraSize = 0;
        if (extraOffset != 0) {
            at = window.at(offset, (int) needed);
            int size = window.buffer().getShort(at + (int) extraOffset) & 0xffff;
            extraSize = (int) Math.min(size, span - extraOffset - 2);
            needed = Math.max(needed, extraOffset + 2 + extraSize);
        }
        index = window.at(offset, (int) needed);
        detail = index + (int) detailStart;
        detailEnd = detail + (int) detailSize;
        if (extraOffset != 0) {
            extra = index + (int) extraOffset + 2;
        }
    }

    /** Decodes the current event's name, path and detail into {@link #decoder}. */
    void decodeDetails() {
        decoder.decode(window.buffer(), eventClass, operation, tid, detail, detailEnd, extra, extraSize, timestamp);
    }

    /** @return the current event's stack frames, innermost first (its return addresses) */
    Stack stack() {
        if (depth == 0) {
            return Stack.NONE;
        }
        ByteBuffer b = window.buffer();
        int at = index + EVENT_HEADER;
        for (int i = 0; i < depth; i++, at += pointerSize) {
            addresses[i] = pointerSize == 8 ? b.getLong(at) : Integer.toUnsignedLong(b.getInt(at));
        }
        return Stack.ofAddresses(addresses, depth);
    }

    private long offsetAt(long i) throws IOException {
        if (offsetsFirst < 0 || i < offsetsFirst || i >= offsetsFirst + offsetsCount) {
            offsetsFirst = i;
            offsetsCount = (int) Math.min(OFFSETS_PER_CHUNK, header.eventCount() - i);
            offsets.clear().limit(offsetsCount * 5);
            long from = header.offsetsArrayOffset() + 5 * i;
            while (offsets.hasRemaining()) {
                if (channel.read(offsets, from + offsets.position()) < 0) {
                    throw new IOException("file ended inside the event offsets array");
                }
            }
        }
        int at = (int) (i - offsetsFirst) * 5;
        long value = Integer.toUnsignedLong(offsets.getInt(at));
        if (header.fileSize() > FOUR_GIB && (offsets.get(at + 4) & 1) != 0) {
            value |= FOUR_GIB;
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            channel.close();
        }
    }
}
