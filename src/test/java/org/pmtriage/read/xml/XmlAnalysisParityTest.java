package org.pmtriage.read.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.SharedSamples;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/** One capture as CSV and as XML (with its processlist) gives the same stats and findings. */
class XmlAnalysisParityTest {

    @TempDir
    Path dir;

    private static AnalysisResult analyze(Path log) throws IOException {
        try (EventReader reader = LogReaders.open(log.toString(), ReadOptions.defaults())) {
            Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
            analyzer.processTable(reader.processes());
            reader.forEachRemaining(analyzer::accept);
            return analyzer.finish(reader.skippedRecords());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"win10x64-process.csv", "win7x86-mixed.csv", "LogFileUTC64Filesystem.csv.gz"})
    void csvAndXmlExportsOfOneCaptureAnalyzeAlike(String name) throws IOException {
        Path csv = SharedSamples.require("procmon-parser/" + name);
        Path plain = csv;
        if (name.endsWith(".gz")) {
            plain = dir.resolve(name.replace(".gz", ""));
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(csv))) {
                Files.copy(in, plain);
            }
        }
        Path xml = dir.resolve(name + ".xml");
        try (Writer out = new OutputStreamWriter(Files.newOutputStream(xml), StandardCharsets.UTF_8)) {
            CsvToXml.read(plain).write(out, CsvToXml.Settings.full());
        }
        AnalysisResult fromCsv = analyze(csv);
        AnalysisResult fromXml = analyze(xml);
        assertEquals(fromCsv.summary(), fromXml.summary());
        assertEquals(fromCsv.counts(), fromXml.counts());
        assertEquals(describe(fromCsv), describe(fromXml));
    }

    private static List<String> describe(AnalysisResult result) {
        return result.findings().stream().map(Object::toString).toList();
    }
}
