package org.pmtriage.read.pml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/**
 * Benchmark of the PML reader (not a unit test; see docs/performance-pml.md).
 * {@code write FILE MEGABYTES} makes a synthetic capture with {@link PmlWriter}: a build-like mix
 * of file, registry and process events with 5 to 40 stack frames each. {@code read FILE} reads
 * every event through {@link LogReaders#open}, counts them per operation and prints events/s and
 * MB/s, and events per CPU second of the reading thread (less sensitive to other load on the machine);
 * {@code RUNS} repeats the read in the same JVM. {@code copy LOG FILE} writes a capture's events
 * as PML while it reads them. {@code replay LOG FILE MEGABYTES} writes a real capture's events again and again (times
 * shifted, 20 stack frames each) until the file has the size asked for.
 */
public final class PmlBenchmark {

    private static final long SECOND = 10_000_000L;

    private PmlBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("write")) {
            write(Path.of(args[1]), Long.parseLong(args[2]) << 20);
        } else if (args.length == 3 && args[0].equals("copy")) {
            copy(args[1], Path.of(args[2]));
        } else if (args.length == 4 && args[0].equals("replay")) {
            replay(args[1], Path.of(args[2]), Long.parseLong(args[3]) << 20);
        } else if ((args.length == 2 || args.length == 3) && args[0].equals("read")) {
            int runs = args.length == 3 ? Integer.parseInt(args[2]) : 1;
            for (int run = 0; run < runs; run++) {
                read(args[1]);
            }
        } else {
            System.err.println("usage: PmlBenchmark write FILE MEGABYTES | copy LOG FILE | replay LOG FILE MEGABYTES"
                    + " | read FILE [RUNS]");
            System.exit(2);
        }
    }

    private static void write(Path file, long bytes) throws IOException {
        List<ProcessInfo> processes = List.of(
                new ProcessInfo(1, 4000, 900, Event.UNKNOWN, "python.exe", "C:\\Python27\\python.exe",
                        "python.exe scons.py -j8", 0, ProcessInfo.UNKNOWN_TIME),
                new ProcessInfo(2, 4100, 4000, 1, "cl.exe", "C:\\VC\\bin\\cl.exe", "cl.exe /c gen.cpp", 0,
                        ProcessInfo.UNKNOWN_TIME));
        long t = 8 * 3600 * SECOND;
        long n = 0;
        try (PmlWriter w = new PmlWriter(file, processes, 20_000)) {
            for (long cycle = 0; Files.size(file) < bytes; cycle++) {
                for (int k = 0; k < 1000; k++, n++) {
                    int index = (n % 3 == 0) ? 2 : 1;
                    String name = index == 1 ? "python.exe" : "cl.exe";
                    int pid = index == 1 ? 4000 : 4100;
                    String dir = "C:\\build\\out\\module" + (n % 97) + "\\";
                    String file1 = dir + "gen" + (n % 1013) + ".cpp";
                    w.stackFrames((int) (5 + n % 36));
                    t += 700 + n % 300;
                    w.write(event(n, t, index, name, pid, kind(n), file1));
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d events, %d bytes to %s%n", n, Files.size(file), file);
    }

    /** Writes a capture's events as PML as they are read (20 stack frames each), holding none. */
    private static void copy(String source, Path file) throws IOException {
        long n = 0;
        try (EventReader r = LogReaders.open(source, ReadOptions.defaults());
             PmlWriter w = new PmlWriter(file, r.processes(), 20_000)) {
            w.stackFrames(20);
            while (r.hasNext()) {
                Event e = r.next();
                if (!e.operationName().equals(PmlNames.UNKNOWN_SUB_OPERATION)) {
                    w.write(e);
                    n++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d events, %d bytes to %s%n", n, Files.size(file), file);
    }

    private static void replay(String source, Path file, long bytes) throws IOException {
        List<Event> events = new java.util.ArrayList<>();
        List<ProcessInfo> processes;
        try (EventReader r = LogReaders.open(source, ReadOptions.defaults())) {
            processes = r.processes();
            r.forEachRemaining(e -> {
                if (!e.operationName().equals(PmlNames.UNKNOWN_SUB_OPERATION)) {
                    events.add(e); // PML has no code to write an unnamed operation back with
                }
            });
        }
        long span = events.get(events.size() - 1).time() - events.get(0).time() + SECOND;
        long n = 0;
        try (PmlWriter w = new PmlWriter(file, processes, 20_000)) {
            w.stackFrames(20);
            for (long round = 0; Files.size(file) < bytes; round++) {
                for (Event e : events) {
                    w.write(new Event(++n, e.time() + round * span, e.processName(), e.pid(), e.tid(),
                            e.operationName(), e.operation(), e.path(), e.result(), e.detail(), e.parentPid(),
                            e.commandLine(), e.imagePath(), e.processIndex()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %d events, %d bytes to %s%n", n, Files.size(file), file);
    }

    private static Event event(long n, long t, int index, String name, int pid, int kind, String path) {
        return switch (kind) {
            case 0 -> e(n, t, name, pid, index, "CreateFile", path, "SUCCESS", "Desired Access: Generic Write, Read "
                    + "Attributes, Disposition: OverwriteIf, Options: Synchronous IO Non-Alert, Non-Directory File, "
                    + "Attributes: N, ShareMode: Read, Write, AllocationSize: 0, OpenResult: Created");
            case 1 -> e(n, t, name, pid, index, "WriteFile", path, "SUCCESS", "Offset: " + (n % 64) * 4096
                    + ", Length: 4,096, Priority: Normal");
            case 2 -> e(n, t, name, pid, index, "ReadFile", path, "SUCCESS", "Offset: 0, Length: 1,024, Priority: Normal");
            case 3 -> e(n, t, name, pid, index, "CloseFile", path, "SUCCESS", "");
            case 4 -> e(n, t, name, pid, index, "QueryBasicInformationFile", path, "SUCCESS", "");
            case 5 -> e(n, t, name, pid, index, "RegQueryValue",
                    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Key" + n % 500, "NAME NOT FOUND", "");
            default -> e(n, t, name, pid, index, "RegOpenKey", "HKCU\\Software\\Classes\\CLSID\\{" + n % 777 + "}",
                    "SUCCESS", "");
        };
    }

    private static int kind(long n) {
        long k = n % 10;
        return k < 4 ? (int) (5 + k % 2) : (int) (k - 4 > 4 ? 4 : k - 4);
    }

    private static Event e(long n, long t, String name, int pid, int index, String op, String path, String result,
                           String detail) {
        return new Event(n + 1, t, name, pid, 100 + (int) (n % 8), op, Operation.of(op), path, result, detail,
                Event.UNKNOWN, "", "", index);
    }

    private static void read(String file) throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        Map<String, long[]> perOperation = new HashMap<>();
        long events = 0;
        long pathChars = 0;
        long bytes;
        try (EventReader r = LogReaders.open(file, ReadOptions.defaults())) {
            while (r.hasNext()) {
                Event e = r.next();
                perOperation.computeIfAbsent(e.operationName(), k -> new long[1])[0]++;
                pathChars += e.path().length();
                events++;
            }
            bytes = Files.size(Path.of(file));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "%d events (%d operations, %d path chars) in %.2f s: %.0f events/s, %.1f MB/s;"
                + " reading thread's CPU %.2f s: %.0f events per CPU second%n",
                events, perOperation.size(), pathChars, seconds, events / seconds, bytes / 1e6 / seconds, cpu, events / cpu);
    }
}
