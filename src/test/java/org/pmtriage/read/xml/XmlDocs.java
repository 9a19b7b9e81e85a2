package org.pmtriage.read.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.ReadOptions;

/** Small XML documents for reader tests, and a way to read them. */
final class XmlDocs {

    private XmlDocs() {
    }

    /** Everything one read gave. */
    record Read(List<Event> events, long skipped, List<String> warnings, XmlEventReader reader) {
    }

    /** @return an event element with the default seven columns, one per line */
    static String event(int index, String time, String name, String pid, String operation, String path) {
        return "<event>\n<ProcessIndex>" + index + "</ProcessIndex>\n<Time_of_Day>" + time + "</Time_of_Day>\n"
                + "<Process_Name>" + name + "</Process_Name>\n<PID>" + pid + "</PID>\n<Operation>" + operation
                + "</Operation>\n<Path>" + path + "</Path>\n<Result>SUCCESS</Result>\n<Detail></Detail>\n</event>\n";
    }

    /** @return a procmon document with these events and no processlist */
    static String doc(String... events) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<procmon><eventlist>\n" + String.join("", events)
                + "</eventlist></procmon>\n";
    }

    static XmlEventReader open(byte[] bytes, ReadOptions options) {
        return new XmlEventReader(new ByteArrayInputStream(bytes), "t.xml", options);
    }

    static Read read(String xml, BadRecordPolicy policy) {
        return read(xml.getBytes(StandardCharsets.UTF_8), policy);
    }

    static Read read(byte[] xml, BadRecordPolicy policy) {
        List<String> warnings = new ArrayList<>();
        XmlEventReader reader = open(xml, ReadOptions.defaults().withPolicy(policy).withWarnings(warnings::add));
        List<Event> events = new ArrayList<>();
        reader.forEachRemaining(events::add);
        return new Read(events, reader.skippedRecords(), warnings, reader);
    }
}
