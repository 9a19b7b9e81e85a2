package org.pmtriage.read.pml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Stack;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.EventReaderBase;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.read.pml.PmlEventDecoder.BadEvent;

/**
 * Reads ProcMon's native log (PML version 9, 32-bit and 64-bit captures) as a stream of events,
 * with memory bounded by the process table and one read window, whatever the file's size.
 *
 * <p>For every event it decodes the fixed header, the operation name and the Result. With
 * {@link Decoding#FULL} also the Path (file system, registry, network, process and image events,
 * as ProcMon shows it) and the Detail of every operation ProcMon writes one for, in
 * {@link ReadOptions#locale()} ({@code PmlDetails}, {@code PmlRegistryDetails}, {@code PmlFileDetails});
 * with {@link Decoding#EXPORT} also {@link Event#columns()}. Lesser
 * {@link ReadOptions#decoding()} levels decode only what they name. Profiling events are left out unless
 * {@link ReadOptions#includeProfiling()}. Times are shown in {@link ReadOptions#timeZone()}.
 *
 * <p>A capture that ProcMon rolled over into several files ({@code Logfile.PML},
 * {@code Logfile-1.PML}, ... in one folder) is read as one, in numeric order, unless
 * {@link ReadOptions#rollover()} is off. Each event's {@link Event#processIndex()} refers to
 * {@link #processes()}, the process tables of all the files merged.
 */
public final class PmlEventReader extends EventReaderBase {

    private final List<Path> files;
    private final List<String> sources;
    private final ReadOptions options;
    private final PmlCapture capture;
    private final int windowBytes;
    private PmlFile current;
    private int fileNumber;
    private long record;
    private long bytesDone;
    private boolean closed;
    /** The temporary copy's channel, read instead of {@link #files}, or null. */
    private final FileChannel copy;
    /** STATUS_PENDING: ProcMon shows no Result, Duration or Completion Time. */
    private static final int STATUS_PENDING = 0x103;
    private final int[] resultKeys = new int[256];
    private final String[] resultTexts = new String[256];

    /**
     * Opens a PML file and, unless {@link ReadOptions#rollover()} is off, the rollover files beside it.
     *
     * @param file    the PML file
     * @param source  its name for messages, as the user gave it
     * @param options policy, warnings, time zone, profiling and rollover
     * @throws LogFormatException when a file is not a readable PML v9 log
     */
    public PmlEventReader(Path file, String source, ReadOptions options) {
        this(options.rollover() ? captureFiles(file) : List.of(file), source, options, PmlWindow.DEFAULT_CAPACITY);
    }

    /**
     * @param file a PML file
     * @return the file followed by the rollover files found beside it, as the reader reads them
     */
    public static List<Path> captureFiles(Path file) {
        return PmlCapture.files(file);
    }

    PmlEventReader(List<Path> files, String source, ReadOptions options, int windowBytes) {
        this(files, null, source, options, windowBytes);
    }

    private PmlEventReader(List<Path> given, FileChannel copy, String source, ReadOptions options, int windowBytes) {
        super(InputFormat.PML, options);
        this.copy = copy;
        this.options = options;
        this.windowBytes = windowBytes;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            names.add(i == 0 ? source : given.get(i).toString());
        }
        this.capture = PmlCapture.load(given, copy, names, options, new TextBudget(source, options.warnings()));
        this.files = given.subList(0, capture.fileCount());
        this.sources = names.subList(0, capture.fileCount());
        if (files.size() > 1) {
            options.warnings().accept(source + ": reading " + files.size() + " rollover files as one capture: "
                    + files.stream().map(f -> f.getFileName().toString()).reduce((a, b) -> a + ", " + b).orElse(""));
        }
    }

    /**
     * Reads a PML that arrives as a stream (gzip-compressed, or standard input) from a temporary
     * copy, since events are positioned by offset: its header is checked before the rest is
     * copied, the copy takes at most {@link ReadOptions#copyLimit()} bytes, and it is deleted as
     * soon as it is open (POSIX; elsewhere on {@link #close()}). Rollover files are not looked for.
     *
     * @param in      the uncompressed PML bytes; closed by this method
     * @param source  the name for messages
     * @param options how to read
     * @return a reader of the copy
     * @throws LogFormatException when the copy cannot be made or is not a readable PML
     */
    public static PmlEventReader fromStream(InputStream in, String source, ReadOptions options) {
        FileChannel copy = null;
        try (in) {
            copy = PmlCopy.of(in, source, options.copyLimit());
            // the path is never opened: the copy is read instead
            return new PmlEventReader(List.of(Path.of("")), copy, source, options, PmlWindow.DEFAULT_CAPACITY);
        } catch (IOException e) {
            closeQuietly(copy);
            throw new LogFormatException(source, "", "cannot decompress to a temporary file: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(copy);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the copy goes with the channel; the error that brought us here is the one to report
            }
        }
    }

    @Override
    public List<ProcessInfo> processes() {
        return Collections.unmodifiableList(capture.processes());
    }

    /** @return how far through the capture's files reading has come, in bytes of the (uncompressed) files */
    @Override
    public Optional<LocalDate> firstDay() {
        return Optional.of(capture.clock().firstDay());
    }

    @Override
    public Optional<CaptureHost> host() {
        return Optional.of(capture.host());
    }

    @Override
    public long bytesRead() {
        return bytesDone + (current == null ? 0 : current.progress());
    }

    @Override
    protected Event read() {
        try {
            while (true) {
                if (current == null || !current.hasMore()) {
                    if (!openNextFile()) {
                        return null;
                    }
                    continue;
                }
                Event e = readOne();
                if (e != null) {
                    return e;
                }
            }
        } catch (IOException e) {
            throw new LogFormatException(current == null ? sources.get(0) : current.source,
                    current == null ? "" : "byte 0x" + Long.toHexString(current.offset), "cannot read: " + e.getMessage(), e);
        }
    }

    private Event readOne() throws IOException {
        PmlFile f = current;
        try {
            f.advance();
            if (f.eventClass == PmlNames.CLASS_PROFILING && !options.includeProfiling()) {
                return null;
            }
            if (!capture.timeRange().holds(f.timestamp)) {
                throw new BadEvent(capture.timeRange().outside(f.timestamp));
            }
            ProcessInfo process = capture.process(fileNumber - 1, f.processIndex);
            if (process == null) {
                throw new BadEvent("process index " + Integer.toUnsignedString(f.processIndex)
                        + " is not in the process table");
            }
            f.decodeDetails();
            PmlEventDecoder d = f.decoder;
            ExportColumns columns = options.decoding() != Decoding.EXPORT ? ExportColumns.NONE
                    : new ExportColumns(capture.clock().firstEpochDay(),
                            f.status == STATUS_PENDING ? ExportColumns.UNKNOWN_DURATION : f.duration,
                            PmlNames.eventClass(f.eventClass), d.category, process.columns());
            return new Event(++record, capture.clock().toTimeline(f.timestamp), process.name(), process.pid(),
                    f.tid, d.operationName, d.meaning, d.path, result(f.status),
                    d.detail, process.parentPid(), process.commandLine(), process.imagePath(), process.processIndex(), columns,
                    options.decoding().keepsStack(d.meaning) ? f.stack() : Stack.NONE);
        } catch (BadEvent e) {
            return bad(f, e.getMessage(), e);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            // every field is bounds-checked before it is read; this net keeps a missed case one line
            return bad(f, "undecodable event (" + e + ")", e);
        }
    }

    private Event bad(PmlFile f, String what, RuntimeException cause) {
        String position = "byte 0x" + Long.toHexString(f.offset);
        badRecords().skip(f.source, position, what, cause);
        return null;
    }

    /** @return the status text, from a small cache: the table lookup would box every status */
    private String result(int status) {
        int slot = (status ^ status >>> 16) & 0xff;
        String text = resultTexts[slot];
        if (text == null || resultKeys[slot] != status) {
            text = PmlNames.result(status);
            resultKeys[slot] = status;
            resultTexts[slot] = text;
        }
        return text;
    }

    private boolean openNextFile() throws IOException {
        if (current != null) {
            bytesDone += current.header.fileSize();
            current.close();
            current = null;
        }
        if (closed || fileNumber >= files.size()) {
            return false;
        }
        current = PmlCapture.open(files.get(fileNumber), copy, sources.get(fileNumber), windowBytes, options.decoding(),
                capture.names(fileNumber), new PmlText(options.locale(), options.timeZone(), capture.listsClassFirst()));
        fileNumber++;
        return true;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        try {
            if (current != null) {
                current.close();
                current = null;
            }
        } finally {
            closeQuietly(copy);
        }
    }
}
