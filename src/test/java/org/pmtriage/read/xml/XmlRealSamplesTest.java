package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.pmtriage.SharedSamples;
import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.InputFormat;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/** The real XML exports in ../shared/samples-public (see its SOURCES.md), read through LogReaders. */
class XmlRealSamplesTest {

    private static final String EPIC = "epicmine901-epic/Logfile.XML";
    private static final String CUCKOO = "cuckoo/procmon.xml";

    private record Read(List<Event> events, List<ProcessInfo> processes, long skipped, List<String> warnings) {
    }

    private static Read read(String sample) throws Exception {
        Path file = SharedSamples.require(sample);
        List<String> warnings = new ArrayList<>();
        try (EventReader reader = LogReaders.open(file.toString(), ReadOptions.defaults().withWarnings(warnings::add))) {
            assertEquals(InputFormat.XML, reader.format());
            List<Event> events = new ArrayList<>();
            reader.forEachRemaining(events::add);
            assertEquals(Files.size(file), reader.bytesRead());
            return new Read(events, reader.processes(), reader.skippedRecords(), warnings);
        }
    }

    private static Map<String, Integer> countBy(List<Event> events, java.util.function.Function<Event, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        events.forEach(e -> counts.merge(key.apply(e), 1, Integer::sum));
        return counts;
    }

    private static long ticks(int h, int m, int s, long fraction) {
        return ((h * 60L + m) * 60 + s) * 10_000_000L + fraction;
    }

    @Test
    void epicmineRussianExportHasItsEventsAndProcessList() throws Exception {
        Read r = read(EPIC);
        assertEquals(543, r.events().size());
        assertEquals(0, r.skipped());
        assertEquals(List.of(), r.warnings());
        Map<String, Integer> ops = countBy(r.events(), Event::operationName);
        assertEquals(165, ops.get("RegOpenKey"));
        assertEquals(71, ops.get("RegQueryValue"));
        assertEquals(65, ops.get("RegCloseKey"));
        assertEquals(43, ops.get("Load Image"));
        assertEquals(41, ops.get("CreateFile"));
        assertEquals(36, ops.get("CloseFile"));
        assertEquals(28, ops.get("CreateFileMapping"));
        assertEquals(7, ops.get("Thread Create"));
        assertEquals(5, ops.get("WriteFile"));
        assertEquals(2, ops.get("Process Start"));
        assertEquals(Map.of("MpCmdRun.exe", 337, "MsMpEng.exe", 206), countBy(r.events(), Event::processName));
        assertEquals(Map.of("358", 337, "361", 206), countBy(r.events(), e -> Integer.toString(e.processIndex())));
        assertEquals(185, r.processes().size());
    }

    @Test
    void epicmineEventFieldsAreExact() throws Exception {
        Read r = read(EPIC);
        Event first = r.events().get(0);
        assertEquals(1, first.record());
        assertEquals(ticks(19, 4, 47, 3_955_378), first.time());
        assertEquals("MpCmdRun.exe", first.processName());
        assertEquals(6824, first.pid());
        assertEquals(Operation.PROCESS_START, first.operation());
        assertEquals("", first.path());
        assertEquals("SUCCESS", first.result());
        assertEquals(358, first.processIndex());
        assertEquals(Event.UNKNOWN, first.tid());
        assertEquals(Event.UNKNOWN, first.parentPid());
        assertTrue(first.detail().startsWith("Parent PID: 7308, Command line: \"C:\\Program Files\\Windows Defender"
                + "\\MpCmdRun.exe\" , Current directory: C:\\Program Files\\Windows Defender\\, Environment: "
                + "\n\n\t=::=::\\\n\n\tALLUSERSPROFILE=C:\\ProgramData\n\n\t"), first.detail());
        assertTrue(first.detail().endsWith("\n\n\tZES_ENABLE_SYSMAN=1"));

        Event query = r.events().get(5);
        assertEquals(6, query.record());
        assertEquals("QueryStandardInformationFile", query.operationName());
        assertEquals(Operation.FILE_IO, query.operation());
        assertEquals("C:\\Windows\\Prefetch\\MPCMDRUN.EXE-2C9109F9.pf", query.path());
        assertEquals("AllocationSize: 8\u00a0192, EndOfFile: 4\u00a0534, NumberOfLinks: 1, DeletePending: False,"
                + " Directory: False", query.detail());
        assertEquals(ticks(19, 4, 47, 3_968_871), query.time());

        Event last = r.events().get(542);
        assertEquals(543, last.record());
        assertEquals("MsMpEng.exe", last.processName());
        assertEquals(13044, last.pid());
        assertEquals(361, last.processIndex());
    }

    @Test
    void epicmineProcessTableIsOnTheEventsTimeline() throws Exception {
        Read r = read(EPIC);
        ProcessInfo first = r.processes().get(0);
        assertEquals(new ProcessInfo(171, 2100, 5072, 172, "Procmon64.exe",
                "C:\\Users\\Epicmine\\AppData\\Local\\Temp\\Procmon64.exe",
                "\"C:\\Users\\Epicmine\\AppData\\Local\\Temp\\Procmon64.exe\"  /originalpath \"C:\\Users\\Epicmine\\Procmon.exe\"",
                ticks(19, 4, 15, 5_902_176), ProcessInfo.UNKNOWN_TIME,
                new ProcessColumns("DESKTOP-0BT2R3R\\Epicmine", "Обязательная метка\\Высокий обязательный уровень",
                        "Sysinternals - www.sysinternals.com", "Process Monitor", "4.01", 0x4efd7L, Event.UNKNOWN, false,
                        true), first.modules()), first);
        assertEquals(49, first.modules().size());
        assertEquals(new Module(0x7ff644bf0000L, 2232320, "C:\\Users\\Epicmine\\AppData\\Local\\Temp\\Procmon64.exe",
                "4.01", "Sysinternals - www.sysinternals.com", "Process Monitor"), first.modules().get(0));
        assertEquals(10228, r.processes().stream().mapToInt(p -> p.modules().size()).sum(), "every <module> of the file");
        ProcessInfo mpCmdRun = r.processes().stream().filter(p -> p.processIndex() == 358).findFirst().orElseThrow();
        // CreateTime 134174522873955318 is 14:04:47.3955318 UTC; the ru-RU machine was at UTC+5
        assertEquals(new ProcessInfo(358, 6824, 7308, 266, "MpCmdRun.exe",
                "C:\\Program Files\\Windows Defender\\MpCmdRun.exe",
                "\"C:\\Program Files\\Windows Defender\\MpCmdRun.exe\" ",
                ticks(19, 4, 47, 3_955_318), ticks(19, 4, 47, 6_481_188), mpCmdRun.columns(), mpCmdRun.modules()),
                mpCmdRun);
        assertEquals(10, r.processes().stream().filter(p -> p.endTime() != ProcessInfo.UNKNOWN_TIME).count());
    }

    @Test
    void cuckooTrimmedExportWithoutProcessListReads() throws Exception {
        Read r = read(CUCKOO);
        assertEquals(5, r.events().size());
        assertEquals(List.of(), r.processes());
        assertEquals(Map.of("Thread Create", 1, "ReadFile", 4), countBy(r.events(), Event::operationName));
        assertEquals(Event.basic(1, ticks(0, 57, 15, 645_467), "System", 4, "Thread Create", "", "SUCCESS",
                "Thread ID: 1328"), withoutIndex(r.events().get(0)));
        assertEquals(5, r.events().get(0).processIndex());
        Event read = r.events().get(1);
        assertEquals(new Event(2, ticks(0, 57, 15, 645_804), "python.exe", 1068, Event.UNKNOWN, "ReadFile",
                Operation.READ_FILE, "C:\\Windows\\System32\\wow64cpu.dll", "SUCCESS",
                "Offset: 11,264, Length: 512, I/O Flags: Non-cached, Paging I/O, Synchronous Paging I/O, Priority: Normal",
                Event.UNKNOWN, "", "", 3), read);
        assertEquals(7, r.events().get(4).processIndex());
    }

    static Event withoutIndex(Event e) {
        return new Event(e.record(), e.time(), e.processName(), e.pid(), e.tid(), e.operationName(), e.operation(),
                e.path(), e.result(), e.detail(), e.parentPid(), e.commandLine(), e.imagePath(), Event.UNKNOWN,
                e.columns(), e.stack());
    }
}
