package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;
import org.pmtriage.generator.CaptureColumn;
import org.pmtriage.generator.CaptureConfig;
import org.pmtriage.generator.CaptureLocale;
import org.pmtriage.generator.CsvCaptureWriter;
import org.pmtriage.generator.GenerateCapture;
import org.pmtriage.generator.XmlCaptureWriter;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/**
 * A randomized capture of 40,000 events from the generator, written as CSV and as XML (with processlist and
 * module lists), reads into the same events and analyzes into the same stats and findings.
 */
class GeneratedCaptureParityTest {

    @TempDir
    Path dir;

    private record Read(List<Event> events, List<ProcessInfo> processes, AnalysisResult analysis) {
    }

    private static Read read(EventReader reader) throws IOException {
        try (reader) {
            Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
            analyzer.processTable(reader.processes());
            List<Event> events = new ArrayList<>();
            while (reader.hasNext()) {
                Event e = reader.next();
                events.add(e);
                analyzer.accept(e);
            }
            return new Read(events, reader.processes(), analyzer.finish(reader.skippedRecords()));
        }
    }

    @Test
    void csvAndXmlOfOneGeneratedCaptureAgree() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(303)
                .withJobs(160, 6)
                .withInjections(6, 4, 5, 8)
                .withPidReuse(true)
                .withStart((23 * 3600 + 59 * 60 + 50) * Timeline.TICKS_PER_SECOND, LocalDate.of(2026, 3, 12))
                .withLocale(CaptureLocale.of("ru-RU"))
                .withTargetEvents(40_000); // still past midnight, with every kind of finding
        CsvCaptureWriter.Options columns = CsvCaptureWriter.Options.of(config).withColumns(CaptureColumn.ALL);
        Path csv = dir.resolve("capture.csv");
        Path xml = dir.resolve("capture.xml");
        try (OutputStream out = Files.newOutputStream(csv)) {
            GenerateCapture.writeCsv(config, columns, 0, out);
        }
        try (OutputStream out = Files.newOutputStream(xml)) {
            XmlCaptureWriter.write(config, new XmlCaptureWriter.Options(columns, true, 3), 0, out);
        }
        Read fromCsv = read(LogReaders.open(csv.toString(), ReadOptions.defaults()));
        Read fromXml = read(LogReaders.open(xml.toString(), ReadOptions.defaults()));

        assertTrue(fromCsv.events().size() >= 40_000, "events: " + fromCsv.events().size());
        assertTrue(fromCsv.events().get(fromCsv.events().size() - 1).time() > Timeline.TICKS_PER_DAY, "past midnight");
        assertEquals(fromCsv.events(), fromXml.events().stream().map(GeneratedCaptureParityTest::asCsvShowsIt).toList());
        assertEquals(fromCsv.analysis().summary(), fromXml.analysis().summary());
        assertEquals(fromCsv.analysis().counts(), fromXml.analysis().counts());
        assertEquals(describe(fromCsv.analysis()), describe(fromXml.analysis()));
        assertFalse(fromCsv.analysis().findings().isEmpty());

        assertFalse(fromXml.processes().isEmpty());
        for (Event e : fromXml.events()) {
            assertTrue(e.processIndex() >= 0, e.toString());
        }
    }

    /** The XML export separates a Process Start's environment with CR CR LF TAB, read back as LF LF TAB. */
    private static Event asCsvShowsIt(Event e) {
        String detail = e.operation() == Operation.PROCESS_START ? e.detail().replace("\n\n\t", "\r;\t") : e.detail();
        return new Event(e.record(), e.time(), e.processName(), e.pid(), e.tid(), e.operationName(), e.operation(),
                e.path(), e.result(), detail, e.parentPid(), e.commandLine(), e.imagePath(), Event.UNKNOWN, e.columns(),
                e.stack());
    }

    private static List<String> describe(AnalysisResult result) {
        return result.findings().stream().map(Object::toString).toList();
    }
}
