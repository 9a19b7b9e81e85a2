package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pmtriage.read.xml.XmlDocs.doc;
import static org.pmtriage.read.xml.XmlDocs.event;
import static org.pmtriage.read.xml.XmlDocs.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;
import org.pmtriage.event.Operation;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.RealCaptures;
import org.pmtriage.read.open.LogReaders;

@ResourceLock("java.lang.System.in") // replaces standard input to read from it
class XmlEventReaderTest {

    private static final long HOUR = 3600 * 10_000_000L;

    @TempDir
    Path dir;

    @Test
    void columnsInAnyOrderWithOptionalOnesStacksAndUnknownElements() {
        String xml = doc("<event><Result>SHARING VIOLATION</Result><Detail>Desired Access: Generic Read</Detail>"
                + "<Duration>0.0000074</Duration><Path>C:\\a &amp; b\\&lt;x&gt;.txt</Path><TID>77</TID>"
                + "<Operation>CreateFile</Operation><PID>42</PID><Parent_PID>7</Parent_PID>"
                + "<Command_Line>cl.exe /c &quot;a.cpp&quot;</Command_Line><Image_Path>C:\\cl.exe</Image_Path>"
                + "<Process_Name>cl.exe</Process_Name><ProcessIndex>9</ProcessIndex>"
                + "<Time_of_Day>1:02:03.0000004 PM</Time_of_Day>"
                + "<stack><frame><depth>0</depth><address>0xfffff801</address><path>FLTMGR.SYS</path>"
                + "<location>FltpPerformPreCallbacks + 0x2d1</location></frame></stack></event>");
        XmlDocs.Read r = read(xml, BadRecordPolicy.FAIL);
        assertEquals(List.of(new Event(1, 13 * HOUR + (2 * 60 + 3) * 10_000_000L + 4, "cl.exe", 42, 77, "CreateFile",
                Operation.CREATE_FILE, "C:\\a & b\\<x>.txt", "SHARING VIOLATION", "Desired Access: Generic Read", 7,
                "cl.exe /c \"a.cpp\"", "C:\\cl.exe", 9, ExportColumns.NONE,
                new Stack(List.of(new StackFrame(0xfffff801L, "FLTMGR.SYS", "FltpPerformPreCallbacks + 0x2d1"))))),
                r.events());
        assertEquals(List.of(), r.warnings());
    }

    @Test
    void textIsKeptVerbatimAfterXmlLineEndNormalization() {
        String xml = doc("<event><ProcessIndex>1</ProcessIndex><Time_of_Day>00:00:01</Time_of_Day>"
                + "<Process_Name> sp ace </Process_Name><PID>1</PID><Operation>Process Start</Operation><Path></Path>"
                + "<Result>SUCCESS</Result><Detail>Environment: \r\r\n\tA=1&#13;\n\t<![CDATA[B=<2>]]></Detail></event>");
        Event e = read(xml, BadRecordPolicy.FAIL).events().get(0);
        assertEquals(" sp ace ", e.processName());
        assertEquals("Environment: \n\n\tA=1\r\n\tB=<2>", e.detail());
        assertEquals(Event.UNKNOWN, e.tid());
    }

    @Test
    void byteOrderMarkIsOptional() {
        String xml = doc(event(1, "10:00:00,5", "a.exe", "1", "ReadFile", "C:\\x"));
        byte[] plain = xml.getBytes(StandardCharsets.UTF_8);
        byte[] bom = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_8);
        assertEquals(read(plain, BadRecordPolicy.FAIL).events(), read(bom, BadRecordPolicy.FAIL).events());
        assertEquals(1, read(bom, BadRecordPolicy.FAIL).events().size());
    }

    @Test
    void utf16InputIsDecodedByTheBlockingParser() {
        String xml = doc(event(1, "10:00:00,5", "ä.exe", "1", "ReadFile", "C:\\ü"))
                .replace("UTF-8", "UTF-16");
        byte[] utf16 = ("\uFEFF" + xml).getBytes(StandardCharsets.UTF_16LE);
        Event e = read(utf16, BadRecordPolicy.FAIL).events().get(0);
        assertEquals("ä.exe", e.processName());
        assertEquals("C:\\ü", e.path());
    }

    @Test
    void gzipAndStandardInputGoThroughLogReaders() throws IOException {
        String xml = "\uFEFF" + doc(event(3, "23:59:59.9", "a.exe", "1", "ReadFile", "C:\\x"),
                event(3, "0:00:00.1", "a.exe", "1", "ReadFile", "C:\\y"));
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
        }
        Path file = dir.resolve("capture.log");
        Files.write(file, gz.toByteArray());
        List<Event> fromFile = readAll(file.toString());
        assertEquals(2, fromFile.size());
        assertEquals(24 * HOUR + 1_000_000L, fromFile.get(1).time(), "a capture past midnight stays monotonic");

        InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(gz.toByteArray()));
            assertEquals(fromFile, readAll("-"));
        } finally {
            System.setIn(stdin);
        }
    }

    private static List<Event> readAll(String name) throws IOException {
        try (EventReader reader = LogReaders.open(name, ReadOptions.defaults())) {
            List<Event> events = new ArrayList<>();
            reader.forEachRemaining(events::add);
            return events;
        }
    }

    @Test
    void lenientReadingSkipsBadEventsAndNamesThem() {
        String xml = doc(
                event(1, "10:00:00", "a.exe", "1", "ReadFile", "C:\\1"),
                event(1, "10:00:01", "a.exe", "abc", "ReadFile", "C:\\2"),
                event(1, "25:00:00", "a.exe", "1", "ReadFile", "C:\\3"),
                "<event><Time_of_Day>10:00:02</Time_of_Day><Process_Name>a</Process_Name><Operation>x</Operation>"
                        + "<Path></Path><Result></Result></event>\n",
                "<event><Time_of_Day>10:00:02</Time_of_Day><Process_Name>a</Process_Name><PID>1</PID>"
                        + "<Operation>x</Operation><Path><b>bold</b></Path><Result></Result></event>\n",
                event(1, "10:00:03", "a.exe", "1", "ReadFile", "C:\\4"));
        XmlDocs.Read r = read(xml, BadRecordPolicy.SKIP);
        assertEquals(List.of("C:\\1", "C:\\4"), r.events().stream().map(Event::path).toList());
        assertEquals(List.of(1L, 2L), r.events().stream().map(Event::record).toList());
        assertEquals(4, r.skipped());
        assertEquals(List.of(
                "t.xml:17:9: skipped: PID \"abc\" is not a number",
                "t.xml:25:22: skipped: Time of Day \"25:00:00\" is not a time",
                "t.xml:33:127: skipped: <event> has no <PID> element",
                "t.xml:34:126: skipped: unexpected element <b> inside <Path>"), r.warnings());
    }

    @Test
    void strictReadingStopsAtTheFirstBadEvent() {
        String xml = doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", "C:\\1"),
                event(1, "10:00:01", "a.exe", "abc", "ReadFile", "C:\\2"));
        LogFormatException e = assertThrows(LogFormatException.class, () -> read(xml, BadRecordPolicy.FAIL));
        assertEquals("t.xml:17:9: PID \"abc\" is not a number", e.getMessage());
    }

    @Test
    void onlyTheFirstFewSkipsAreNamed() {
        String bad = event(1, "10:00:01", "a.exe", "x", "ReadFile", "C:\\2");
        XmlDocs.Read r = read(doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", "C:\\1"),
                bad, bad, bad, bad, bad, bad, bad), BadRecordPolicy.SKIP);
        assertEquals(7, r.skipped());
        assertEquals(ReadOptions.NAMED_SKIPS, r.warnings().size());
    }

    @Test
    void theFirstEventMustHaveTheRequiredColumns() {
        String xml = doc("<event><Time_of_Day>10:00:00</Time_of_Day><Process_Name>a</Process_Name><PID>1</PID>"
                + "<Path></Path><Result></Result></event>");
        LogFormatException e = assertThrows(LogFormatException.class, () -> read(xml, BadRecordPolicy.SKIP));
        assertEquals("t.xml:3:115: not a ProcMon XML export: the first <event> has no <Operation> element (events"
                + " need Time_of_Day, Process_Name, PID, Operation, Path, Result)", e.getMessage());
    }

    @Test
    void missingDetailIsWarnedAboutOnce() {
        String event = "<event><Time_of_Day>10:00:00</Time_of_Day><Process_Name>a</Process_Name><PID>1</PID>"
                + "<Operation>CloseFile</Operation><Path>C:\\x</Path><Result>SUCCESS</Result></event>";
        XmlDocs.Read r = read(doc(event, event), BadRecordPolicy.FAIL);
        assertEquals(2, r.events().size());
        assertEquals(List.of("t.xml: no Detail element in events: share modes, write access and spawned PIDs are"
                + " unknown, so findings will be less precise"), r.warnings());
    }

    @Test
    void otherRootElementIsNotAProcMonExport() {
        LogFormatException e = assertThrows(LogFormatException.class,
                () -> read("<?xml version=\"1.0\"?>\n<html><body/></html>", BadRecordPolicy.SKIP));
        assertEquals("t.xml:2:1: not a ProcMon XML export: the root element is <html>, expected <procmon>",
                e.getMessage());
    }

    @Test
    void emptyEventListAndMissingEventListGiveNoEvents() {
        assertEquals(List.of(), read(doc(), BadRecordPolicy.FAIL).events());
        assertEquals(List.of(), read("<procmon><processlist></processlist></procmon>", BadRecordPolicy.FAIL).events());
    }

    @Test
    void bytesReadCountsTheInput() {
        byte[] xml = doc(event(1, "10:00:00", "a.exe", "1", "ReadFile", "C:\\1")).getBytes(StandardCharsets.UTF_8);
        XmlDocs.Read r = read(xml, BadRecordPolicy.FAIL);
        assertEquals(xml.length, r.reader().bytesRead());
    }

    /** @return a CreateFile event with this stack element */
    private static String withStack(String stack) {
        return XmlDocs.event(1, "10:00:00", "a.exe", "1", "CreateFile", "C:\\x").replace("</event>", stack + "</event>");
    }

    private static String frames(int count, String address, String location) {
        StringBuilder sb = new StringBuilder("<stack>");
        for (int f = 0; f < count; f++) {
            sb.append("<frame><depth>").append(f).append("</depth><address>").append(address)
                    .append("</address><path>C:\\Windows\\System32\\ntdll.dll</path><location>").append(location)
                    .append("</location></frame>");
        }
        return sb.append("</stack>").toString();
    }

    @Test
    void stacksKeepEveryFrameAsTheLogWroteIt() {
        XmlDocs.Read r = read(doc(withStack(frames(150, "0x7ffb8ba81234", "ntdll.dll + 0x1234"))), BadRecordPolicy.FAIL);
        Stack stack = r.events().get(0).stack();
        assertEquals(150, stack.depth());
        assertEquals(new StackFrame(0x7ffb8ba81234L, "C:\\Windows\\System32\\ntdll.dll", "ntdll.dll + 0x1234"),
                stack.frames().get(149));
    }

    @Test
    void stacksNoCaptureRecordsMakeTheEventMalformed() {
        String tooDeep = frames(RealCaptures.MAX_STACK_FRAMES + 1, "0x1000", "x");
        String badAddress = frames(2, "0xfffff80g", "x");
        String longLocation = frames(1, "0x1000", "y".repeat(StackElementParser.MAX_FRAME_CHARS + 1));
        XmlDocs.Read r = read(doc(withStack(tooDeep), withStack(badAddress), withStack(longLocation),
                XmlDocs.event(1, "10:00:01", "a.exe", "1", "CreateFile", "C:\\y")), BadRecordPolicy.SKIP);
        assertEquals(List.of("C:\\y"), r.events().stream().map(Event::path).toList());
        assertEquals(3, r.skipped());
        List<String> expected = List.of("<stack> has more than 512 frames",
                "stack frame 0 has address \"0xfffff80g\", not a hexadecimal number",
                "stack frame 0 has a location of 4097 characters, more than the 4096 a frame's can have");
        for (int i = 0; i < 3; i++) {
            assertTrue(r.warnings().get(i).matches("t\\.xml:\\d+:\\d+: skipped: \\Q" + expected.get(i) + "\\E"),
                    r.warnings().get(i));
        }
    }
}
