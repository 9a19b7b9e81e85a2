package org.pmtriage.read.pml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportLocale;
import org.pmtriage.event.Printable;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.TextBudget;

/**
 * What a capture's files share: the merged process table and the clock. Each rollover file has
 * its own process table; an index that names the same process (same PID and start time) in two
 * files is one process, and an index reused for another process is given a fresh one, so process
 * indexes stay unique across the capture.
 */
final class PmlCapture {

    private static final int SMALL_WINDOW = 64 * 1024;
    private static final int MAX_DENSE_INDEX = 1 << 20;
    /** How far a rollover part's first event may precede the previous part's last (events are not strictly in order). */
    private static final long ROLLOVER_OVERLAP = 60 * 10_000_000L;
    /** How far it may follow it. */
    private static final long ROLLOVER_GAP = 3600 * 10_000_000L;
    private static final PmlNetworkNames NO_NAMES = new PmlNetworkNames(Map.of(), Map.of());

    private final List<ProcessInfo> processes = new ArrayList<>();
    /** Per file, the processes its events name by index: an array when the indexes are small, else a map. */
    private final List<ProcessInfo[]> dense = new ArrayList<>();
    private final List<Map<Integer, ProcessInfo>> sparse = new ArrayList<>();
    private final List<PmlNetworkNames> names = new ArrayList<>();
    private PmlClock clock;
    private PmlTimeRange timeRange;
    private int fileCount;
    private CaptureHost host;
    private boolean listsClassFirst;

    private PmlCapture() {
    }

    /**
     * @return {@code file} followed by {@code stem-1.ext}, {@code stem-2.ext}, ... found beside it
     *         (names compared without case), in numeric order, up to the first gap
     */
    static List<Path> files(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        Pattern rolled = Pattern.compile(Pattern.quote(stem) + "-(\\d{1,6})" + Pattern.quote(ext),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        Path dir = file.toAbsolutePath().getParent();
        TreeMap<Integer, Path> found = new TreeMap<>();
        if (dir != null) {
            try (Stream<Path> list = Files.list(dir)) {
                list.forEach(p -> {
                    Matcher m = rolled.matcher(p.getFileName().toString());
                    if (m.matches() && Files.isRegularFile(p)) {
                        found.putIfAbsent(Integer.parseInt(m.group(1)), p);
                    }
                });
            } catch (IOException | UncheckedIOException e) {
                return List.of(file);
            }
        }
        List<Path> files = new ArrayList<>(List.of(file));
        Set<Object> seen = new HashSet<>(List.of(identity(file)));
        for (int n = 1; found.containsKey(n); n++) {
            if (seen.add(identity(found.get(n)))) {
                files.add(found.get(n));
            }
        }
        return files;
    }

    /** @return what tells a file from another one, links followed: read twice, a part would double its events */
    private static Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * @return why {@code part} is not the rollover part that follows a file whose last event is at
     *         {@code previousLast} on {@code computer}, or null when it is
     */
    private static String notFollowing(PmlFile part, String computer, long previousLast) throws IOException {
        String partComputer = part.header.host().computer();
        if (!partComputer.equals(computer)) {
            return "it was captured on \"" + partComputer + "\", the capture on \"" + computer + "\"";
        }
        long first = part.timestampAt(0);
        if (first != 0 && previousLast != 0
                && (first < previousLast - ROLLOVER_OVERLAP || first > previousLast + ROLLOVER_GAP)) {
            return "its first event (" + PmlClock.toInstant(first) + ") does not follow the previous part's last ("
                    + PmlClock.toInstant(previousLast) + ")";
        }
        return null;
    }

    /** @return {@code file} opened, or the temporary copy when {@code copy} is not null */
    static PmlFile open(Path file, FileChannel copy, String source, int windowBytes, Decoding decoding,
                        PmlNetworkNames names, PmlText text) throws IOException {
        return copy == null ? new PmlFile(file, source, windowBytes, decoding, names, text)
                : new PmlFile(copy, false, source, windowBytes, decoding, names, text);
    }

    /**
     * Reads every file's header and process table; the clock starts at the first file's first event.
     * A part captured on another computer, or whose first event does not follow the previous
     * part's last, is not joined: the capture ends before it, with a warning.
     *
     * @param copy  the temporary copy to read instead of {@code files}' one file, or null
     * @param texts cuts overlong strings of the tables
     */
    static PmlCapture load(List<Path> files, FileChannel copy, List<String> sources, ReadOptions options,
                           TextBudget texts) {
        PmlCapture c = new PmlCapture();
        Map<Integer, PmlProcess> merged = new TreeMap<>();
        // per file, its indexes of its processes and, at the same positions, their merged indexes
        List<int[][]> locals = new ArrayList<>();
        int nextFree = 0;
        long firstTimestamp = 0;
        List<Long> samples = new ArrayList<>();
        long previousLast = 0;
        for (int i = 0; i < files.size(); i++) {
            try (PmlFile f = open(files.get(i), copy, sources.get(i), SMALL_WINDOW, Decoding.FULL, NO_NAMES,
                    new PmlText(ExportLocale.EN_US, options.timeZone(), false))) {
                long n = f.header.eventCount();
                if (i == 0) {
                    firstTimestamp = f.timestampAt(0);
                    c.host = f.header.host();
                } else {
                    String why = notFollowing(f, c.host.computer(), previousLast);
                    if (why != null) {
                        options.warnings().accept(Printable.of(sources.get(0) + ": " + files.get(i)
                                + " is not read as a rollover part of this capture: " + why + "; analyze it on its own"));
                        break;
                    }
                }
                previousLast = f.timestampAt(n - 1);
                for (long e = 0; e < n; e = e == PmlTimeRange.SAMPLES - 1 ? Math.max(e + 1, n - PmlTimeRange.SAMPLES) : e + 1) {
                    samples.add(f.timestampAt(e));
                }
                PmlTables tables = f.readTables(texts);
                c.names.add(tables.names);
                for (PmlProcess p : tables.processes.values()) {
                    nextFree = Math.max(nextFree, p.index() + 1);
                }
                int[][] local = new int[2][tables.processes.size()];
                int entry = 0;
                for (PmlProcess p : tables.processes.values()) {
                    PmlProcess known = merged.get(p.index());
                    if (known == null) {
                        known = p;
                        merged.put(p.index(), p);
                    } else if (known.pid() == p.pid() && known.startFiletime() == p.startFiletime()) {
                        if (known.endFiletime() == 0 && p.endFiletime() != 0) {
                            merged.put(known.index(), known.with(known.index(), known.parentIndex(), p.endFiletime()));
                        }
                    } else {
                        known = p.with(nextFree++, Event.UNKNOWN, p.endFiletime());
                        merged.put(known.index(), known);
                    }
                    local[0][entry] = p.index();
                    local[1][entry++] = known.index();
                }
                locals.add(local);
            } catch (IOException e) {
                throw new LogFormatException(sources.get(i), "", "cannot read: " + e.getMessage(), e);
            }
        }
        c.fileCount = locals.size();
        c.timeRange = PmlTimeRange.of(samples.stream().mapToLong(Long::longValue).toArray());
        if (!c.timeRange.holds(firstTimestamp)) {
            firstTimestamp = c.timeRange.holds(Long.MIN_VALUE) ? 0 : c.timeRange.earliest();
        }
        if (firstTimestamp == 0) {
            firstTimestamp = merged.values().stream().mapToLong(PmlProcess::startFiletime).filter(t -> t > 0)
                    .min().orElse(PmlClock.UNIX_EPOCH);
        }
        c.clock = new PmlClock(options.timeZone(), firstTimestamp);
        c.listsClassFirst = merged.values().stream().anyMatch(PmlCapture::isProcmonFrom361);
        Map<Integer, List<PmlProcess>> byPid = new HashMap<>();
        for (PmlProcess p : merged.values()) {
            byPid.computeIfAbsent(p.pid(), k -> new ArrayList<>()).add(p);
        }
        for (PmlProcess p : merged.values()) {
            c.processes.add(new ProcessInfo(p.index(), p.pid(), p.parentPid(), parentIndex(p, merged, byPid), p.name(),
                    p.imagePath(), p.commandLine(), c.clock.processTime(p.startFiletime()),
                    c.clock.processTime(p.endFiletime()), p.columns(), p.modules()));
        }
        // after every file is read: later files may have given earlier files' processes their end times
        int[] mergedIndexes = c.processes.stream().mapToInt(ProcessInfo::processIndex).toArray();
        for (int[][] local : locals) {
            c.index(local[0], local[1], mergedIndexes);
        }
        return c;
    }

    /**
     * ProcMon 3.61 and later put FileInformationClass first in a QueryDirectory Detail, earlier
     * versions third (the real exports in ../shared show both); a capture names the ProcMon that
     * made it in its process table, and the same version usually exports it.
     */
    private static boolean isProcmonFrom361(PmlProcess p) {
        String version = p.columns().version();
        if (!p.name().toLowerCase(Locale.ROOT).matches("procmon(64)?a?\\.exe") || !version.matches("\\d+\\.\\d+.*")) {
            return false;
        }
        String[] parts = version.split("[^0-9]+");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1].length() == 1 ? parts[1] + "0" : parts[1]) : 0;
        return major > 3 || major == 3 && minor >= 61;
    }

    /** @return whether QueryDirectory Details put the information class first (see {@link #isProcmonFrom361}) */
    boolean listsClassFirst() {
        return listsClassFirst;
    }

    /**
     * The parent's index: the table's own when it names a process with the parent's PID; else the
     * process with that PID that was alive when the child started (PIDs are reused).
     */
    private static int parentIndex(PmlProcess child, Map<Integer, PmlProcess> all,
                                   Map<Integer, List<PmlProcess>> byPid) {
        PmlProcess named = all.get(child.parentIndex());
        if (named != null && named.pid() == child.parentPid() && named != child) {
            return named.index();
        }
        PmlProcess best = null;
        for (PmlProcess p : byPid.getOrDefault(child.parentPid(), List.of())) {
            boolean alive = p.startFiletime() <= child.startFiletime()
                    && (p.endFiletime() == 0 || p.endFiletime() >= child.startFiletime());
            if (p != child && p.pid() == child.parentPid() && alive
                    && (best == null || p.startFiletime() > best.startFiletime())) {
                best = p;
            }
        }
        return best == null ? Event.UNKNOWN : best.index();
    }

    /**
     * Indexes a file's processes for its events: what the events read is the merged process itself,
     * so the capture holds one object per process.
     *
     * @param indexes the file's indexes of its processes
     * @param merged  their merged indexes, at the same positions
     * @param mergedIndexes the indexes of {@link #processes}, in their (ascending) order
     */
    private void index(int[] indexes, int[] merged, int[] mergedIndexes) {
        int max = Arrays.stream(indexes).max().orElse(-1);
        int min = Arrays.stream(indexes).min().orElse(0);
        ProcessInfo[] byIndex = min >= 0 && max < MAX_DENSE_INDEX ? new ProcessInfo[max + 1] : null;
        Map<Integer, ProcessInfo> byKey = byIndex == null ? new HashMap<>() : null;
        for (int i = 0; i < indexes.length; i++) {
            ProcessInfo info = processes.get(Arrays.binarySearch(mergedIndexes, merged[i]));
            if (byIndex != null) {
                byIndex[indexes[i]] = info;
            } else {
                byKey.put(indexes[i], info);
            }
        }
        dense.add(byIndex);
        sparse.add(byKey);
    }

    /** @return the process an event of file {@code file} names by {@code index}, or null */
    ProcessInfo process(int file, int index) {
        ProcessInfo[] byIndex = dense.get(file);
        if (byIndex != null) {
            return index >= 0 && index < byIndex.length ? byIndex[index] : null;
        }
        return sparse.get(file).get(index);
    }

    /** @return the host and port names of file {@code file} */
    PmlNetworkNames names(int file) {
        return names.get(file);
    }

    List<ProcessInfo> processes() {
        return processes;
    }

    PmlClock clock() {
        return clock;
    }

    /** @return how many of the files given to {@link #load} make up the capture */
    int fileCount() {
        return fileCount;
    }

    /** @return the times the capture's events plausibly have */
    PmlTimeRange timeRange() {
        return timeRange;
    }

    /** @return the machine the first file was captured on */
    CaptureHost host() {
        return host;
    }
}
