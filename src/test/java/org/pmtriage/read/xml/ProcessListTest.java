package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pmtriage.read.xml.XmlDocs.event;
import static org.pmtriage.read.xml.XmlDocs.read;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.RealCaptures;

class ProcessListTest {

    private static final long SECOND = 10_000_000L;
    /** FILETIME of 2024-03-01 00:00:00 UTC. */
    private static final long MARCH_1_UTC = 133537248000000000L;

    private static String process(int index, int pid, int parentPid, int parentIndex, String name, long create,
                                  long finish) {
        return "<process>\n<ProcessIndex>" + index + "</ProcessIndex>\n<ProcessId>" + pid + "</ProcessId>\n"
                + "<ParentProcessId>" + parentPid + "</ParentProcessId>\n<ParentProcessIndex>" + parentIndex
                + "</ParentProcessIndex>\n<AuthenticationId>00000000:0004efd7</AuthenticationId>\n<CreateTime>"
                + create + "</CreateTime>\n<FinishTime>" + finish + "</FinishTime>\n<Integrity>High</Integrity>\n"
                + "<ProcessName>" + name + "</ProcessName>\n<ImagePath>C:\\" + name + "</ImagePath>\n"
                + "<CommandLine>" + name + " /x</CommandLine>\n<modulelist>\n<module><Timestamp>1</Timestamp>"
                + "<Path>C:\\ntdll.dll</Path><Description>Bibliothèque &amp; co</Description></module>\n"
                + "</modulelist>\n</process>\n";
    }

    private static String capture(String processes, String... events) {
        return "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<procmon><processlist>" + processes
                + "</processlist><eventlist>\n" + String.join("", events) + "</eventlist></procmon>\n";
    }

    /** Events at local 10:00:00 (UTC+1) and later; cmd.exe (PID 40) exits, then PID 40 is reused. */
    private static String reusedPid(String anchorTime) {
        return capture(
                process(1, 4, 0, 0, "System", MARCH_1_UTC - 86_400 * SECOND, 0)
                        + process(2, 40, 4, 1, "cmd.exe", MARCH_1_UTC + 9 * 3600 * SECOND, MARCH_1_UTC + 9 * 3600 * SECOND + 5 * SECOND)
                        + process(3, 40, 4, 1, "python.exe", MARCH_1_UTC + 9 * 3600 * SECOND + 7 * SECOND, 0),
                event(2, anchorTime, "cmd.exe", "40", "Process Start", ""),
                event(2, "10:00:01", "cmd.exe", "40", "CreateFile", "C:\\a"),
                event(3, "10:00:07.0000002", "python.exe", "40", "Process Start", ""),
                event(3, "10:00:08", "python.exe", "40", "CloseFile", "C:\\a"));
    }

    @Test
    void processListGivesIndexesParentsAndTimesOnTheEventsTimeline() {
        XmlDocs.Read r = read(reusedPid("10:00:00.0000007"), BadRecordPolicy.FAIL);
        assertEquals(List.of(2, 2, 3, 3), r.events().stream().map(Event::processIndex).toList());
        long ten = 10 * 3600 * SECOND;
        assertEquals(List.of(
                listed(1, 4, 0, 0, "System", -23 * 3600 * SECOND, ProcessInfo.UNKNOWN_TIME),
                listed(2, 40, 4, 1, "cmd.exe", ten, ten + 5 * SECOND),
                listed(3, 40, 4, 1, "python.exe", ten + 7 * SECOND, ProcessInfo.UNKNOWN_TIME)), r.reader().processes());
    }

    /** @return what {@link #process} lists, read: its columns and its one module (no BaseAddress: base 0, unsized) */
    private static ProcessInfo listed(int index, int pid, int parentPid, int parentIndex, String name, long start,
                                      long end) {
        return new ProcessInfo(index, pid, parentPid, parentIndex, name, "C:\\" + name, name + " /x", start, end,
                new ProcessColumns("", "High", "", "", "", 0x4efd7L, Event.UNKNOWN, false, false),
                List.of(new Module(0, 0, "C:\\ntdll.dll", "", "", "Bibliothèque & co")));
    }

    @Test
    void withoutASoundAnchorTimesStayUnknown() {
        // cmd.exe's Process Start is 2 s after its CreateTime: more than a lag, so no anchor
        XmlDocs.Read r = read(reusedPid("10:00:02").replace("10:00:07.0000002", "10:00:09"), BadRecordPolicy.FAIL);
        assertEquals(4, r.events().size());
        for (ProcessInfo p : r.reader().processes()) {
            assertEquals(ProcessInfo.UNKNOWN_TIME, p.startTime(), p.name());
            assertEquals(ProcessInfo.UNKNOWN_TIME, p.endTime(), p.name());
        }
    }

    @Test
    void anchorBeyondTheReadAheadLeavesTimesUnknownButLosesNoEvent() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < XmlEventReader.LOOKAHEAD_EVENTS; i++) {
            events.add(event(2, "9:59:59", "cmd.exe", "40", "ReadFile", "C:\\a"));
        }
        events.add(event(2, "10:00:00.0000007", "cmd.exe", "40", "Process Start", ""));
        XmlDocs.Read r = read(capture(process(2, 40, 4, 1, "cmd.exe", MARCH_1_UTC + 9 * 3600 * SECOND, 0),
                events.toArray(String[]::new)), BadRecordPolicy.FAIL);
        assertEquals(XmlEventReader.LOOKAHEAD_EVENTS + 1, r.events().size());
        assertEquals(XmlEventReader.LOOKAHEAD_EVENTS + 1L, r.events().get(r.events().size() - 1).record());
        assertEquals(ProcessInfo.UNKNOWN_TIME, r.reader().processes().get(0).startTime());
    }

    @Test
    void anErrorMetWhileReadingAheadIsRaisedWhenTheReadingReachesIt() {
        String xml = capture(process(2, 40, 4, 1, "cmd.exe", MARCH_1_UTC, 0),
                event(2, "10:00:00", "cmd.exe", "40", "ReadFile", "C:\\a"),
                event(2, "10:00:01", "cmd.exe", "4x", "ReadFile", "C:\\b"));
        XmlEventReader reader = XmlDocs.open(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ReadOptions.defaults().withPolicy(BadRecordPolicy.FAIL));
        assertEquals(1, reader.processes().size());
        assertEquals("C:\\a", reader.next().path());
        LogFormatException e = assertThrows(LogFormatException.class, reader::hasNext);
        assertEquals("t.xml:33:8: PID \"4x\" is not a number", e.getMessage());
    }

    @Test
    void malformedProcessEntriesAreSkippedOrFatalLikeEvents() {
        String xml = capture(process(1, 4, 0, 0, "System", 0, 0).replace("<ProcessId>4</", "<ProcessId>four</")
                        + process(2, 40, 4, 1, "cmd.exe", 0, 0),
                event(2, "10:00:00", "cmd.exe", "40", "ReadFile", "C:\\a"));
        XmlDocs.Read lenient = read(xml, BadRecordPolicy.SKIP);
        assertEquals(List.of(2), lenient.reader().processes().stream().map(ProcessInfo::processIndex).toList());
        assertEquals(1, lenient.skipped());
        assertEquals(List.of("t.xml:2:23: skipped: ProcessId \"four\" is not a number"), lenient.warnings());
        LogFormatException e = assertThrows(LogFormatException.class, () -> read(xml, BadRecordPolicy.FAIL));
        assertEquals("t.xml:2:23: ProcessId \"four\" is not a number", e.getMessage());
    }

    @Test
    void modulesPastTheCapOfAProcessAreLeftOutAndCounted() {
        StringBuilder modules = new StringBuilder();
        for (int m = 0; m < RealCaptures.MAX_MODULES + 3; m++) {
            modules.append("<module><BaseAddress>0x").append(Long.toHexString(0x10000000L + 0x10000L * m))
                    .append("</BaseAddress><Size>4096</Size><Path>C:\\m").append(m).append(".dll</Path></module>");
        }
        String one = process(2, 40, 4, 1, "cmd.exe", 0, 0).replace("<modulelist>\n", "<modulelist>\n" + modules);
        XmlDocs.Read r = read(capture(one, event(2, "10:00:00", "cmd.exe", "40", "ReadFile", "C:\\a")),
                BadRecordPolicy.FAIL);
        List<Module> kept = r.reader().processes().get(0).modules();
        assertEquals(RealCaptures.MAX_MODULES, kept.size());
        assertEquals(new Module(0x10010000L, 4096, "C:\\m1.dll", "", "", ""), kept.get(1));
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).matches("t\\.xml:\\d+:\\d+: 4 modules of the process list are left out \\(more"
                + " than 4096 in a process, or past the 32 MiB the kept modules may take\\); stack frames in them show"
                + " as <unknown>"), r.warnings().get(0));
    }
}
