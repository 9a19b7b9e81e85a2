package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;
import org.pmtriage.read.internal.TimeOfDay;

class XmlCaptureWriterTest {

    /** Parses a capture into one map per process and per event (element name to text). */
    private static List<List<Map<String, String>>> parse(byte[] bytes) throws XMLStreamException, IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if ((bytes[0] & 0xff) == 0x1f) {
            in = new GZIPInputStream(in);
        }
        byte[] plain = in.readAllBytes();
        assertEquals(0xEF, plain[0] & 0xff, "BOM");
        XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(
                new ByteArrayInputStream(plain, 3, plain.length - 3), "UTF-8");
        List<Map<String, String>> processes = new ArrayList<>();
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        String element = null;
        StringBuilder text = new StringBuilder();
        int depth = 0;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    String name = r.getLocalName();
                    if (name.equals("process") || name.equals("event")) {
                        current = new LinkedHashMap<>();
                        (name.equals("process") ? processes : events).add(current);
                    } else if (current != null && depth == 4) {
                        element = name;
                        text.setLength(0);
                    }
                }
                case XMLStreamConstants.CHARACTERS -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    if (element != null && r.getLocalName().equals(element)) {
                        current.put(element, text.toString());
                        element = null;
                    }
                    depth--;
                }
                default -> {
                }
            }
        }
        return List.of(processes, events);
    }

    @Test
    void eventsAndProcessListParseBackWithTheSimulatedValues() throws Exception {
        CaptureConfig config = CaptureConfig.defaults(4).withLocale(CaptureLocale.RU_RU).withPidReuse(true)
                .withNoise(0.5).withQuirks(EnumSet.of(ExportQuirk.EXOTIC_NOISE));
        List<CaptureColumn> columns = List.of(CaptureColumn.TIME_OF_DAY, CaptureColumn.PROCESS_NAME, CaptureColumn.PID,
                CaptureColumn.OPERATION, CaptureColumn.PATH, CaptureColumn.RESULT, CaptureColumn.DETAIL,
                CaptureColumn.TID, CaptureColumn.PARENT_PID, CaptureColumn.COMMAND_LINE, CaptureColumn.DATE_AND_TIME);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlCaptureWriter.Options options = new XmlCaptureWriter.Options(
                CsvCaptureWriter.Options.of(config).withColumns(columns).withEncoding(true, true), true, 3);
        CaptureTruth truth = XmlCaptureWriter.write(config, options, 0, out);

        List<Event> events = new ArrayList<>();
        BuildSimulation sim = new BuildSimulation(config, true);
        sim.forEachRemaining(events::add);
        List<ProcessInfo> table = sim.processes();

        List<List<Map<String, String>>> parsed = parse(out.toByteArray());
        List<Map<String, String>> processes = parsed.get(0);
        List<Map<String, String>> xmlEvents = parsed.get(1);
        assertEquals(truth.events(), xmlEvents.size());
        assertEquals(events.size(), xmlEvents.size());
        assertEquals(table.size(), processes.size());
        for (int i = 0; i < table.size(); i++) {
            ProcessInfo p = table.get(i);
            Map<String, String> x = processes.get(i);
            assertEquals(Integer.toString(p.processIndex()), x.get("ProcessIndex"));
            assertEquals(Integer.toString(p.pid()), x.get("ProcessId"));
            assertEquals(p.commandLine(), x.get("CommandLine"));
            assertEquals(p.imagePath(), x.get("ImagePath"));
        }
        assertTrue(xmlEvents.stream().anyMatch(x -> x.get("Path").contains("build __ notes")), "non-BMP as __");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Map<String, String> x = xmlEvents.get(i);
            String where = "event " + (i + 1);
            assertEquals(List.of("ProcessIndex", "Time_of_Day", "Process_Name", "PID", "Operation", "Path", "Result",
                    "Detail", "TID", "Parent_PID", "Command_Line", "Date___Time"), List.copyOf(x.keySet()), where);
            assertEquals(Integer.toString(e.processIndex()), x.get("ProcessIndex"), where);
            assertEquals(Math.floorMod(e.time(), Timeline.TICKS_PER_DAY), TimeOfDay.parse(x.get("Time_of_Day")), where);
            assertEquals(e.processName(), x.get("Process_Name"), where);
            assertEquals(Integer.toString(e.pid()), x.get("PID"), where);
            assertEquals(e.operationName(), x.get("Operation"), where);
            assertEquals(e.path().replaceAll("[^\\u0000-\\uFFFF]", "__"), x.get("Path"), where);
            assertEquals(e.result(), x.get("Result"), where);
            assertEquals(e.detail().replace("\r;\t", "\n\n\t"), x.get("Detail"), where);
            assertEquals(Integer.toString(e.tid()), x.get("TID"), where);
            assertEquals(e.commandLine(), x.get("Command_Line"), where);
        }
    }

    @Test
    void environmentBlockIsWrittenWithCrCrLfTabAndTheFileEndsLikeProcMon() throws Exception {
        CaptureConfig config = CaptureConfig.defaults(6).withBuild(3, 1, 0, 0, 0, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XmlCaptureWriter.write(config, new XmlCaptureWriter.Options(CsvCaptureWriter.Options.of(config), false, 0), 0, out);
        String xml = out.toString(StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<procmon><eventlist>\r\n<event>\r\n"
                + "<ProcessIndex>"), xml.substring(0, 120));
        assertTrue(xml.contains("Environment: \r\r\n\t=::=::\\\r\r\n\tALLUSERSPROFILE=C:\\ProgramData\r\r\n\t"));
        assertTrue(xml.contains("/D&quot;BUILD_TAG=\\&quot;ci,nightly\\&quot;&quot;"));
        assertTrue(xml.endsWith("</event>\r\n\r\n</eventlist></procmon>"));
        assertEquals(List.of(), parse(out.toByteArray()).get(0), "no processlist");
    }

    @Test
    void sameSeedGivesTheSameBytes() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(12);
        XmlCaptureWriter.Options options = new XmlCaptureWriter.Options(CsvCaptureWriter.Options.of(config), true, 1);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        XmlCaptureWriter.write(config, options, 0, a);
        XmlCaptureWriter.write(config, options, 0, b);
        assertArrayEquals(a.toByteArray(), b.toByteArray());
    }
}
