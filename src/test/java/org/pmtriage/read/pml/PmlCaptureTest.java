package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/** Capture-level behaviour: gzip, rollover, time zones, profiling and the process table. */
@Isolated // counts PML copies in the shared temporary folder and replaces standard input
class PmlCaptureTest {

    private static final long SECOND = PmlRoundTripTest.SECOND;

    @TempDir
    Path dir;

    private static List<Event> readAll(EventReader r) {
        List<Event> events = new ArrayList<>();
        r.forEachRemaining(events::add);
        return events;
    }

    private static Set<Path> tempCopies() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().matches("pmtriage-.*\\.pml")).collect(Collectors.toSet());
        }
    }

    private Path gzip(Path file) throws IOException {
        Path gz = dir.resolve(file.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        return gz;
    }

    @Test
    void gzipPmlIsReadThroughATemporaryCopyDeletedAsSoonAsItIsOpen() throws IOException {
        Path pml = dir.resolve("c.pml");
        PmlWriter.write(pml, PmlRoundTripTest.processes(), PmlRoundTripTest.events(), PmlRoundTripTest.DAY);
        Path gz = gzip(pml);
        Set<Path> before = tempCopies();
        try (EventReader r = LogReaders.open(gz.toString(), ReadOptions.defaults())) {
            assertEquals(InputFormat.PML, r.format());
            assertEquals(before, tempCopies(), "the open copy has no name in the folder");
            assertEquals(PmlRoundTripTest.events(), readAll(r));
        }
        assertEquals(before, tempCopies());
    }

    @Test
    void temporaryCopyIsRemovedWhenOpeningFails() throws IOException {
        Path pml = dir.resolve("c.pml");
        PmlWriter.write(pml, PmlRoundTripTest.processes(), PmlRoundTripTest.events(), PmlRoundTripTest.DAY);
        byte[] bytes = Files.readAllBytes(pml);
        bytes[4] = 7;
        Files.write(pml, bytes);
        Path gz = gzip(pml);
        Set<Path> before = tempCopies();
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> LogReaders.open(gz.toString(), ReadOptions.defaults()));
        assertTrue(e.getMessage().startsWith(gz + ":byte 0x4: PML format version 7 is not supported"), e.getMessage());
        assertEquals(before, tempCopies());
    }

    @Test
    void realGzipSampleOpensWithItsName() throws IOException {
        Path gz = SharedSamples.require("procmon-parser/LogFileUTC32Filesystem.PML.gz");
        try (EventReader r = LogReaders.open(gz.toString(), ReadOptions.defaults())) {
            assertEquals(8577, readAll(r).size());
        }
    }

    @Test
    void rolloverFilesAreReadAsOneCaptureInOrder() throws IOException {
        List<Event> all = PmlRoundTripTest.events();
        Path first = dir.resolve("Logfile.PML");
        PmlWriter.write(first, PmlRoundTripTest.processes(), all.subList(0, 5), PmlRoundTripTest.DAY);
        PmlWriter.write(dir.resolve("Logfile-2.pml"), PmlRoundTripTest.processes(), all.subList(10, all.size()),
                PmlRoundTripTest.DAY);
        PmlWriter.write(dir.resolve("Logfile-1.PML"), PmlRoundTripTest.processes(), all.subList(5, 10),
                PmlRoundTripTest.DAY);
        List<String> warnings = new ArrayList<>();
        try (EventReader r = LogReaders.open(first.toString(), ReadOptions.defaults().withWarnings(warnings::add))) {
            assertEquals(all, readAll(r));
            assertEquals(PmlRoundTripTest.processes(), PmlRoundTripTest.asWritten(r.processes()));
            assertEquals(Files.size(first) + Files.size(dir.resolve("Logfile-1.PML"))
                    + Files.size(dir.resolve("Logfile-2.pml")), r.bytesRead());
        }
        assertEquals(List.of(first + ": reading 3 rollover files as one capture: Logfile.PML, Logfile-1.PML, "
                + "Logfile-2.pml"), warnings);
        ReadOptions single = new ReadOptions(BadRecordPolicy.SKIP, warnings::add, ZoneId.of("UTC"), false, false);
        try (EventReader r = LogReaders.open(first.toString(), single)) {
            assertEquals(all.subList(0, 5), readAll(r));
        }
    }

    @Test
    void anIndexReusedByAnotherProcessInALaterFileGetsAFreshOne() throws IOException {
        List<Event> all = PmlRoundTripTest.events();
        Path first = dir.resolve("Logfile.PML");
        PmlWriter.write(first, PmlRoundTripTest.processes(), all.subList(0, 3), PmlRoundTripTest.DAY);
        // in the second file, index 10 is another process: another PID, started later
        ProcessInfo other = new ProcessInfo(10, 7000, 900, Event.UNKNOWN, "link.exe", "C:\\VC\\link.exe",
                "link.exe /out:a.exe", 10 * 3600 * SECOND, ProcessInfo.UNKNOWN_TIME);
        Event linkEvent = new Event(4, 10 * 3600 * SECOND + 1, "link.exe", 7000, 5, "CloseFile",
                org.pmtriage.event.Operation.CLOSE_FILE, "C:\\a.obj", "SUCCESS", "", 900, other.commandLine(),
                other.imagePath(), 10);
        PmlWriter.write(dir.resolve("Logfile-1.PML"), List.of(other, PmlRoundTripTest.processes().get(1)),
                List.of(linkEvent), PmlRoundTripTest.DAY);
        try (EventReader r = LogReaders.open(first.toString(), ReadOptions.defaults())) {
            List<Event> read = readAll(r);
            assertEquals(all.subList(0, 3), read.subList(0, 3));
            Event moved = read.get(3);
            assertEquals(List.of("link.exe", 7000, 12), List.of(moved.processName(), moved.pid(), moved.processIndex()));
            assertEquals(List.of(10, 11, 12), r.processes().stream().map(ProcessInfo::processIndex).toList());
            assertEquals("link.exe", r.processes().get(2).name());
        }
    }

    @Test
    void processesWithTheSameColumnsShareThem() throws IOException {
        Path pml = dir.resolve("c.pml");
        PmlWriter.write(pml, PmlRoundTripTest.processes(), PmlRoundTripTest.events(), PmlRoundTripTest.DAY);
        try (EventReader r = LogReaders.open(pml.toString(), ReadOptions.defaults())) {
            List<ProcessInfo> table = r.processes();
            assertEquals(table.get(0).columns(), table.get(1).columns(), "the writer gives both the same columns");
            assertSame(table.get(0).columns(), table.get(1).columns(), "a table of many processes holds them once");
        }
    }

    @Test
    void aNameTheTableStoresForEachProcessIsHeldOnce() throws IOException {
        Path pml = dir.resolve("c.pml");
        List<ProcessInfo> table = List.of(
                new ProcessInfo(1, 400, 4, Event.UNKNOWN, "cl.exe", "C:\\VC\\cl.exe", "cl.exe /c a.cpp", 0, SECOND),
                new ProcessInfo(2, 404, 4, Event.UNKNOWN, "cl.exe", "C:\\VC\\cl.exe", "cl.exe /c b.cpp", 0, SECOND));
        try (PmlWriter w = new PmlWriter(pml, table, PmlRoundTripTest.DAY)) {
            w.repeatStrings = true;
            w.write(PmlRoundTripTest.events().get(0));
        }
        try (EventReader r = LogReaders.open(pml.toString(), ReadOptions.defaults())) {
            List<ProcessInfo> read = r.processes();
            assertEquals(List.of("cl.exe /c a.cpp", "cl.exe /c b.cpp"),
                    read.stream().filter(p -> p.name().equals("cl.exe")).map(ProcessInfo::commandLine).toList());
            assertSame(read.get(0).name(), read.get(1).name());
            assertSame(read.get(0).imagePath(), read.get(1).imagePath());
        }
    }

    @Test
    void pmlOnStandardInputIsReadThroughATemporaryCopy() throws IOException {
        Path pml = dir.resolve("c.pml");
        PmlWriter.write(pml, PmlRoundTripTest.processes(), PmlRoundTripTest.events(), PmlRoundTripTest.DAY);
        Set<Path> before = tempCopies();
        java.io.InputStream stdin = System.in;
        try (java.io.InputStream in = Files.newInputStream(pml)) {
            System.setIn(in);
            try (EventReader r = LogReaders.open("-", ReadOptions.defaults())) {
                assertEquals(PmlRoundTripTest.events(), readAll(r));
            }
        } finally {
            System.setIn(stdin);
        }
        assertEquals(before, tempCopies());
    }

    @Test
    void timesAreShownInTheChosenZoneAcrossADaylightSavingChange() throws IOException {
        // 2026-03-08: New York moves from UTC-5 to UTC-4 at 07:00 UTC; the capture starts 04:30 UTC,
        // which is 23:30 on March 7 in New York: that local day is the timeline's zero
        long day = LocalDate.of(2026, 3, 8).toEpochDay();
        List<Event> events = List.of(
                PmlRoundTripTest.event(1, (4 * 3600 + 1800) * SECOND, 10, "python.exe", 4000, 1, "CloseFile", "a", "SUCCESS", ""),
                PmlRoundTripTest.event(2, (6 * 3600 + 3599) * SECOND, 10, "python.exe", 4000, 1, "CloseFile", "b", "SUCCESS", ""),
                PmlRoundTripTest.event(3, (7 * 3600 + 1) * SECOND, 10, "python.exe", 4000, 1, "CloseFile", "c", "SUCCESS", ""));
        Path pml = dir.resolve("dst.pml");
        PmlWriter.write(pml, PmlRoundTripTest.processes(), events, day);
        ReadOptions newYork = new ReadOptions(BadRecordPolicy.SKIP, w -> { }, ZoneId.of("America/New_York"), false, true);
        try (EventReader r = LogReaders.open(pml.toString(), newYork)) {
            List<Long> times = readAll(r).stream().map(Event::time).toList();
            assertEquals(List.of((23 * 3600 + 1800) * SECOND, (25 * 3600 + 3599) * SECOND, (27 * 3600 + 1) * SECOND),
                    times);
            // python.exe started 09:00 UTC on March 8: 05:00 daylight time, 29 hours into the timeline
            assertEquals(29 * 3600 * SECOND, r.processes().get(0).startTime());
        }
    }

    @Test
    void profilingEventsAreLeftOutUnlessAskedFor() throws IOException {
        List<Event> events = new ArrayList<>(PmlRoundTripTest.events().subList(0, 2));
        events.add(1, PmlRoundTripTest.event(9, events.get(0).time() + 5, 10, "python.exe", 4000, 111,
                "Thread Profiling", "", "SUCCESS", ""));
        Path pml = dir.resolve("p.pml");
        PmlWriter.write(pml, PmlRoundTripTest.processes(), events, PmlRoundTripTest.DAY);
        try (EventReader r = LogReaders.open(pml.toString(), ReadOptions.defaults())) {
            List<Event> read = readAll(r);
            assertEquals(List.of("CreateFile", "WriteFile"), read.stream().map(Event::operationName).toList());
            assertEquals(List.of(1L, 2L), read.stream().map(Event::record).toList());
        }
        ReadOptions withProfiling = new ReadOptions(BadRecordPolicy.SKIP, w -> { }, ZoneId.of("UTC"), true, true);
        try (EventReader r = LogReaders.open(pml.toString(), withProfiling)) {
            assertEquals(List.of("CreateFile", "Thread Profiling", "WriteFile"),
                    readAll(r).stream().map(Event::operationName).toList());
        }
    }

    @Test
    void parentsAreFoundByLifetimeWhenPidsAreReused() throws IOException {
        long h = 3600 * SECOND;
        List<ProcessInfo> table = List.of(
                new ProcessInfo(1, 500, 4, Event.UNKNOWN, "old.exe", "", "", h, 2 * h),
                new ProcessInfo(2, 500, 4, Event.UNKNOWN, "python.exe", "", "", 3 * h, ProcessInfo.UNKNOWN_TIME),
                new ProcessInfo(3, 600, 500, Event.UNKNOWN, "cmd.exe", "", "", 4 * h, 5 * h),
                new ProcessInfo(4, 700, 500, Event.UNKNOWN, "early.exe", "", "", h + 1, 2 * h));
        Path pml = dir.resolve("reuse.pml");
        PmlWriter.write(pml, table, List.of(), PmlRoundTripTest.DAY);
        try (PmlEventReader r = new PmlEventReader(pml, "reuse.pml", ReadOptions.defaults())) {
            assertEquals(List.of(Event.UNKNOWN, Event.UNKNOWN, 2, 1),
                    r.processes().stream().map(ProcessInfo::parentIndex).toList());
            assertEquals(List.of(), readAll(r));
        }
    }

    @Test
    void realCaptureWithoutProcessCreateStillKnowsTheParent() throws IOException {
        Path pml = SharedSamples.require("prsp0007-samples/Logfile.PML");
        try (PmlEventReader r = new PmlEventReader(pml, "Logfile.PML", ReadOptions.defaults())) {
            List<ProcessInfo> processes = r.processes();
            assertEquals(57, processes.size());
            ProcessInfo sample = processes.stream().filter(p -> p.pid() == 2884).findFirst().orElseThrow();
            assertEquals("sample_1_r3.exe", sample.name());
            assertEquals(1328, sample.parentPid());
            ProcessInfo parent = processes.stream().filter(p -> p.processIndex() == sample.parentIndex())
                    .findFirst().orElseThrow();
            assertEquals(1328, parent.pid());
            Set<Integer> indexes = processes.stream().map(ProcessInfo::processIndex).collect(Collectors.toSet());
            assertTrue(readAll(r).stream().allMatch(e -> indexes.contains(e.processIndex())));
        }
    }
}
