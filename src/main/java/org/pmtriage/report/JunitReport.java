package org.pmtriage.report;

import java.io.PrintWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.Severity;

/**
 * The JUnit XML that Jenkins, GitLab and Azure DevOps show as test results: a test suite per log,
 * each error finding a failed test case (a log without one has a single passing case), and each
 * log that could not be read an errored case.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /**
     * @param reports the logs read
     * @param errors  one line per log that could not be read
     * @param out     where to write; not closed
     * @throws XMLStreamException when writing fails
     */
    public static void write(List<Report> reports, List<String> errors, PrintWriter out) throws XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        long failures = reports.stream().mapToLong(JunitReport::errorCount).sum();
        long tests = reports.stream().mapToLong(r -> Math.max(1, errorCount(r))).sum() + errors.size();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "pmtriage");
        xml.writeAttribute("tests", Long.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors.size()));
        for (Report report : reports) {
            suite(report, xml);
        }
        if (!errors.isEmpty()) {
            xml.writeCharacters("\n  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "unreadable logs");
            xml.writeAttribute("tests", Integer.toString(errors.size()));
            xml.writeAttribute("failures", "0");
            xml.writeAttribute("errors", Integer.toString(errors.size()));
            for (String error : errors) {
                xml.writeCharacters("\n    ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", "pmtriage");
                xml.writeAttribute("name", xmlText(error));
                xml.writeStartElement("error");
                xml.writeAttribute("message", xmlText(error));
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
        out.println();
        out.flush();
    }

    private static void suite(Report report, XMLStreamWriter xml) throws XMLStreamException {
        long failures = errorCount(report);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", xmlText(report.path()));
        xml.writeAttribute("tests", Long.toString(Math.max(1, failures)));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property(xml, "format", report.format());
        property(xml, "times", report.frame().describe());
        property(xml, "events", Long.toString(report.result().summary().events()));
        xml.writeEndElement();
        for (Finding f : report.result().findings()) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            FindingSummary s = FindingSummary.of(f);
            xml.writeCharacters("\n    ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "pmtriage." + f.kind().id());
            xml.writeAttribute("name", xmlText(s.title() + ": " + f.path()));
            xml.writeStartElement("failure");
            xml.writeAttribute("type", f.kind().id());
            xml.writeAttribute("message", xmlText(s.line()));
            xml.writeCharacters(xmlText(s.title() + ": " + s.line()));
            xml.writeEndElement();
            xml.writeEndElement();
        }
        if (failures == 0) {
            xml.writeCharacters("\n    ");
            xml.writeEmptyElement("testcase");
            xml.writeAttribute("classname", "pmtriage");
            xml.writeAttribute("name", "no error findings");
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlText(value));
    }

    private static long errorCount(Report report) {
        return report.result().findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
    }

    /** Text from a log may hold characters XML 1.0 cannot carry even escaped: they become {@code ?}. */
    private static String xmlText(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> sb.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF ? c : '?'));
        return sb.toString();
    }
}
