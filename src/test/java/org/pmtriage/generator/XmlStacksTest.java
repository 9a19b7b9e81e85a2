package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.StackFrame;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An XML capture with modules and stacks, read with the JDK's XML parser: every process's
 * {@code <modulelist>} is its module list, every event's {@code <stack>} its frames, with the
 * module's path and {@code module + 0xoffset}.
 */
class XmlStacksTest {

    @TempDir
    Path dir;

    @Test
    void modulelistsAndStacksAreWhatTheSimulationRecorded() throws Exception {
        CaptureConfig config = Scenario.SCANNER.config();
        Path file = dir.resolve("s.xml");
        CsvCaptureWriter.Options format = new CsvCaptureWriter.Options(CaptureColumn.parseSet("default"), true, false,
                config.locale(), config.firstDay());
        try (OutputStream out = Files.newOutputStream(file)) {
            XmlCaptureWriter.write(config, new XmlCaptureWriter.Options(format, true, 0), 0, out);
        }
        BuildSimulation sim = new BuildSimulation(config, true);
        List<Event> events = new ArrayList<>();
        sim.forEachRemaining(events::add);
        List<ProcessInfo> processes = sim.processes();
        ModuleMap kernel = ModuleMap.of(processes.get(0).modules());
        assertEquals("System", processes.get(0).name());

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        NodeList processNodes = doc.getElementsByTagName("process");
        assertEquals(processes.size(), processNodes.getLength());
        for (int i = 0; i < processNodes.getLength(); i++) {
            Element p = (Element) processNodes.item(i);
            ProcessInfo expected = processes.get(i);
            assertEquals(expected.columns().version(), text(p, "Version"), expected.name());
            List<Module> modules = new ArrayList<>();
            NodeList moduleNodes = p.getElementsByTagName("module");
            for (int m = 0; m < moduleNodes.getLength(); m++) {
                Element e = (Element) moduleNodes.item(m);
                modules.add(new Module(Long.parseUnsignedLong(text(e, "BaseAddress").substring(2), 16),
                        Long.parseLong(text(e, "Size")), text(e, "Path"), text(e, "Version"), text(e, "Company"),
                        text(e, "Description")));
            }
            assertEquals(expected.modules(), modules, expected.name());
        }

        NodeList eventNodes = doc.getElementsByTagName("event");
        assertEquals(events.size(), eventNodes.getLength());
        int unknown = 0;
        for (int i = 0; i < eventNodes.getLength(); i++) {
            Event expected = events.get(i);
            ModuleMap user = ModuleMap.of(processes.stream().filter(p -> p.processIndex() == expected.processIndex())
                    .findFirst().orElseThrow().modules());
            NodeList frames = ((Element) eventNodes.item(i)).getElementsByTagName("frame");
            assertEquals(expected.stack().depth(), frames.getLength(), "record " + expected.record());
            for (int f = 0; f < frames.getLength(); f++) {
                Element frame = (Element) frames.item(f);
                StackFrame want = expected.stack().frames().get(f);
                assertEquals(Integer.toString(f), text(frame, "depth"));
                assertEquals("0x" + Long.toHexString(want.address()), text(frame, "address"));
                ModuleMap map = want.address() < 0 ? kernel : user;
                String location = map.moduleAt(want.address())
                        .map(m -> m.fileName() + " + 0x" + Long.toHexString(want.address() - m.base()))
                        .orElse("0x" + Long.toHexString(want.address()));
                assertEquals(location, text(frame, "location"));
                assertEquals(map.moduleAt(want.address()).map(Module::path).orElse(""), text(frame, "path"));
                unknown += text(frame, "path").isEmpty() ? 1 : 0;
            }
        }
        assertTrue(unknown > 0, "frames in no module are written too");
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
