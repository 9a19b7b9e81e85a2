package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.ReadOptions;

/** Writes PML with {@link PmlWriter} and reads it back: the same events and processes. */
class PmlRoundTripTest {

    static final long DAY = LocalDate.of(2026, 11, 25).toEpochDay();
    static final long SECOND = 10_000_000L;

    @TempDir
    Path dir;

    static List<ProcessInfo> processes() {
        return List.of(
                new ProcessInfo(10, 4000, 900, Event.UNKNOWN, "python.exe", "C:\\Python27\\python.exe",
                        "python.exe scons.py -j8", 9 * 3600 * SECOND, ProcessInfo.UNKNOWN_TIME),
                new ProcessInfo(11, 4100, 4000, 10, "cmd.exe", "C:\\Windows\\System32\\cmd.exe",
                        "cmd.exe /c cl.exe gen.cpp", 9 * 3600 * SECOND + 2 * SECOND, 9 * 3600 * SECOND + 5 * SECOND));
    }

    /**
     * @return a table of processes without columns as {@link PmlWriter} reads back: the columns it
     *         writes for a process of which nothing is known (its architecture among them) left out
     */
    static List<ProcessInfo> asWritten(List<ProcessInfo> table) {
        return table.stream().map(p -> new ProcessInfo(p.processIndex(), p.pid(), p.parentPid(), p.parentIndex(),
                p.name(), p.imagePath(), p.commandLine(), p.startTime(), p.endTime())).toList();
    }

    static List<Event> events() {
        long t = 9 * 3600 * SECOND + SECOND;
        List<Event> events = new ArrayList<>();
        events.add(event(1, t, 10, "python.exe", 4000, 111, "CreateFile", "C:\\build\\gen.cpp", "SUCCESS",
                "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, Options: Synchronous IO "
                + "Non-Alert, Non-Directory File, Attributes: N, ShareMode: Read, Write, AllocationSize: 0, "
                + "OpenResult: Created"));
        events.add(event(2, t + 10, 10, "python.exe", 4000, 111, "WriteFile", "C:\\build\\gen.cpp", "SUCCESS",
                "Offset: 0, Length: 1,048,576, I/O Flags: Non-cached, Paging I/O, Synchronous Paging I/O, Priority: Normal"));
        events.add(event(3, t + 20, 10, "python.exe", 4000, 112, "Process Create", "C:\\Windows\\System32\\cmd.exe",
                "SUCCESS", "PID: 4100, Command line: cmd.exe /c cl.exe gen.cpp"));
        events.add(event(4, t + 30, 11, "cmd.exe", 4100, 200, "Process Start", "", "SUCCESS",
                "Parent PID: 4000, Command line: cmd.exe /c cl.exe gen.cpp, Current directory: C:\\build\\, "
                + "Environment: \r;\t=::=::\\\r;\tPATH=C:\\Windows"));
        events.add(event(5, t + 40, 11, "cmd.exe", 4100, 200, "Thread Create", "", "SUCCESS", "Thread ID: 201"));
        events.add(event(6, t + 50, 11, "cmd.exe", 4100, 200, "Load Image", "C:\\Windows\\System32\\ntdll.dll",
                "SUCCESS", "Image Base: 0x7ffa744e0000, Image Size: 0x204000"));
        events.add(event(7, t + 60, 11, "cmd.exe", 4100, 200, "CreateFile", "C:\\build\\gen.cpp", "SHARING VIOLATION",
                "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO Non-Alert, Non-Directory "
                + "File, Attributes: n/a, ShareMode: Read, AllocationSize: n/a"));
        events.add(event(8, t + 70, 11, "cmd.exe", 4100, 200, "ReadFile", "C:\\build\\über.h", "END OF FILE",
                "Offset: 4,096, Length: 512"));
        events.add(event(9, t + 80, 11, "cmd.exe", 4100, 200, "RegOpenKey", "HKLM\\Software\\Python", "NAME NOT FOUND", ""));
        events.add(event(10, t + 90, 11, "cmd.exe", 4100, 200, "QueryDirectory", "C:\\build\\*.obj", "NO MORE FILES", ""));
        events.add(event(11, t + 95, 11, "cmd.exe", 4100, 200, "TCP Send", "build-07:49948 -> cache.local:https",
                "SUCCESS", "Length: 0"));
        events.add(event(12, t + 96, 11, "cmd.exe", 4100, 200, "SetDispositionInformationFile", "C:\\build\\x.tmp",
                "0xC000046F", ""));
        events.add(event(13, t + 97, 11, "cmd.exe", 4100, 200, "FileSystemControl", "C:\\build", "",
                "Control: 0x0 (Device:0x0 Function:0 Method: 0)"));
        events.add(event(14, t + 99, 11, "cmd.exe", 4100, 200, "Thread Exit", "", "SUCCESS",
                "Thread ID: 200, User Time: 0.0156001, Kernel Time: 0.0000000"));
        events.add(event(15, t + 100, 11, "cmd.exe", 4100, 200, "Process Exit", "", "SUCCESS",
                "Exit Status: -1073740756, User Time: 0.0156001 seconds, Kernel Time: 0.0312002 seconds, Private "
                + "Bytes: 1,904,640, Peak Private Bytes: 1,941,504, Working Set: 5,963,776, Peak Working Set: 5,963,776"));
        events.add(event(16, t + 2 * SECOND, 10, "python.exe", 4000, 111, "CloseFile", "C:\\build\\gen.cpp",
                "SUCCESS", ""));
        return events;
    }

    static Event event(long record, long time, int index, String name, int pid, int tid, String op, String path,
                       String result, String detail) {
        ProcessInfo p = processes().stream().filter(q -> q.processIndex() == index).findFirst().orElseThrow();
        return new Event(record, time, name, pid, tid, op, org.pmtriage.event.Operation.of(op), path, result, detail,
                p.parentPid(), p.commandLine(), p.imagePath(), index);
    }

    static List<Event> readAll(PmlEventReader r) {
        List<Event> events = new ArrayList<>();
        r.forEachRemaining(events::add);
        return events;
    }

    @Test
    void writtenEventsReadBackUnchanged() throws IOException {
        Path file = dir.resolve("capture.pml");
        PmlWriter.write(file, processes(), events(), DAY);
        try (PmlEventReader r = new PmlEventReader(file, "capture.pml", ReadOptions.defaults())) {
            assertEquals(processes(), asWritten(r.processes()));
            assertEquals(events(), readAll(r));
            assertEquals(0, r.skippedRecords());
            assertEquals(Files.size(file), r.bytesRead());
        }
    }

    @Test
    void aWindowSmallerThanOneEventReadsTheSame() throws IOException {
        // the window must slide, keep a partial event and grow for events larger than itself
        Path sample = SharedSamples.require("procmon-parser/win7x86-mixed.pml");
        List<Event> expected;
        try (PmlEventReader r = new PmlEventReader(sample, "in.pml", ReadOptions.defaults())) {
            expected = readAll(r);
        }
        try (PmlEventReader r = new PmlEventReader(List.of(sample), "in.pml", ReadOptions.defaults(), 100)) {
            assertEquals(expected, readAll(r));
        }
    }

    @Test
    void realCaptureSurvivesWriteAndRead() throws IOException {
        Path sample = SharedSamples.require("procmon-parser/win10x64-process.pml");
        List<Event> original;
        List<ProcessInfo> processes;
        try (PmlEventReader r = new PmlEventReader(sample, "in.pml", ReadOptions.defaults())) {
            processes = r.processes();
            original = readAll(r);
        }
        long day = LocalDate.of(2020, 7, 31).toEpochDay(); // the capture's first day, in UTC
        Path copy = dir.resolve("copy.pml");
        PmlWriter.write(copy, processes, original, day);
        try (PmlEventReader r = new PmlEventReader(copy, "copy.pml", ReadOptions.defaults())) {
            assertEquals(processes, r.processes());
            List<Event> back = readAll(r);
            assertEquals(original.size(), back.size());
            for (int i = 0; i < original.size(); i++) {
                assertEquals(original.get(i), back.get(i), "event " + (i + 1));
            }
        }
    }
}
