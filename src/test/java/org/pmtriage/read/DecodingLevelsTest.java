package org.pmtriage.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.SharedSamples;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Stack;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.pml.PmlWriter;

/**
 * The lesser {@link Decoding} levels leave out only what they say they leave out, and the pass
 * that uses them ({@code analyze} with ANALYSIS, {@code stats} with COUNTS) gives the same result
 * as with every field decoded. Checked on the generator's samples as CSV, XML and PML.
 */
class DecodingLevelsTest {

    private static final String ENVIRONMENT = ", Environment: ";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"samples/parallel-build-es.csv", "samples/flaky-build.csv", "samples/parallel-build.xml",
        "samples/parallel-build-es.csv:pml", "samples/flaky-build.csv:pml"})
    void lesserLevelsKeepWhatThePassNeeds(String sample) throws IOException {
        String log = sample.endsWith(":pml") ? asPml(sample.substring(0, sample.length() - 4)) : sample;
        List<Event> full = read(log, Decoding.FULL);
        List<Event> analysis = read(log, Decoding.ANALYSIS);
        List<Event> counts = read(log, Decoding.COUNTS);
        assertFalse(full.isEmpty());
        assertEquals(full.size(), analysis.size());
        assertEquals(full.size(), counts.size());
        for (int i = 0; i < full.size(); i++) {
            Event f = full.get(i);
            Operation op = f.operation();
            boolean analysisPath = op != Operation.OTHER;
            boolean analysisDetail = op == Operation.CREATE_FILE || op == Operation.PROCESS_CREATE
                    || op == Operation.PROCESS_START || op == Operation.LOAD_IMAGE;
            boolean countsPathAndDetail = op == Operation.PROCESS_CREATE || op == Operation.PROCESS_START;
            String where = log + " event " + (i + 1) + " " + f.operationName();
            sameExceptPathAndDetail(f, analysis.get(i), where);
            sameExceptPathAndDetail(f, counts.get(i), where);
            leftOutOrSame(f.path(), analysis.get(i).path(), analysisPath, where + " path (analysis)");
            leftOutOrSame(detailAsPromised(f, analysis.get(i)), analysis.get(i).detail(), analysisDetail, where + " detail (analysis)");
            leftOutOrSame(f.path(), counts.get(i).path(), countsPathAndDetail, where + " path (counts)");
            leftOutOrSame(detailAsPromised(f, counts.get(i)), counts.get(i).detail(), countsPathAndDetail, where + " detail (counts)");
        }
        List<ProcessInfo> table = processes(log);
        assertEquals(pass(table, full, Analyzer.Scope.FINDINGS), pass(table, analysis, Analyzer.Scope.FINDINGS), log);
        assertEquals(pass(table, full, Analyzer.Scope.COUNTS), pass(table, counts, Analyzer.Scope.COUNTS), log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples/flaky-build.csv:pml"})
    void lesserLevelsDecodeLessOfPml(String sample) throws IOException {
        String log = asPml(sample.substring(0, sample.length() - 4));
        long fullChars = read(log, Decoding.FULL).stream().mapToLong(e -> e.path().length() + e.detail().length()).sum();
        long countsChars = read(log, Decoding.COUNTS).stream().mapToLong(e -> e.path().length() + e.detail().length())
                .sum();
        assertTrue(countsChars * 10 < fullChars, countsChars + " characters of Path and Detail decoded for counting, "
                + fullChars + " in all");
    }

    /**
     * Decoding every event's stack costs: the analysis level keeps only those of the events a
     * finding may cite (CreateFile, Process Create), counting none.
     */
    @ParameterizedTest
    @ValueSource(strings = {"matefoxer-ron-crash/Logfile.PML", "procmon-parser/win10x64-process.pml"})
    void stacksAreKeptOnlyWhereTheLevelNeedsThem(String sample) throws IOException {
        String log = SharedSamples.require(sample).toString();
        List<Event> full = read(log, Decoding.FULL);
        List<Event> analysis = read(log, Decoding.ANALYSIS);
        List<Event> counts = read(log, Decoding.COUNTS);
        int kept = 0;
        for (int i = 0; i < full.size(); i++) {
            Event f = full.get(i);
            String where = sample + " event " + (i + 1) + " " + f.operationName();
            assertTrue(f.stack().depth() > 0, where + ": every event of this capture has a stack");
            boolean cited = f.operation() == Operation.CREATE_FILE || f.operation() == Operation.PROCESS_CREATE;
            assertEquals(cited ? f.stack() : Stack.NONE, analysis.get(i).stack(), where);
            assertEquals(Stack.NONE, counts.get(i).stack(), where);
            kept += cited ? 1 : 0;
        }
        assertTrue(kept > 0, sample + ": no event whose stack the analysis keeps");
    }

    @Test
    void theProcessColumnsOfACsvReachTheAnalysisNotTheCounting() throws IOException {
        String log = SharedSamples.require("procmon-parser/win10x64-process.csv").toString();
        List<Event> full = read(log, Decoding.FULL);
        List<Event> analysis = read(log, Decoding.ANALYSIS);
        List<Event> counts = read(log, Decoding.COUNTS);
        for (int i = 0; i < full.size(); i++) {
            assertEquals(full.get(i).columns(), analysis.get(i).columns(), "event " + (i + 1));
            assertEquals(ExportColumns.NONE, counts.get(i).columns(), "event " + (i + 1));
        }
        ProcessColumns python = analysis.stream().filter(e -> e.processName().equals("python.exe")).findFirst()
                .orElseThrow().columns().process();
        assertEquals(List.of("Python Software Foundation", "Python", "3.8.3", true),
                List.of(python.company(), python.description(), python.version(), python.is64Bit()));
    }

    private static void sameExceptPathAndDetail(Event f, Event e, String where) {
        assertEquals(List.of(f.record(), f.time(), f.processName(), f.pid(), f.tid(), f.operationName(), f.operation(),
                f.result(), f.parentPid(), f.commandLine(), f.imagePath(), f.processIndex()),
                List.of(e.record(), e.time(), e.processName(), e.pid(), e.tid(), e.operationName(), e.operation(),
                e.result(), e.parentPid(), e.commandLine(), e.imagePath(), e.processIndex()), where);
    }

    /** @return the full Detail, or a Process Start's without its environment block when the lesser one left it out */
    private static String detailAsPromised(Event full, Event lesser) {
        int environment = full.detail().indexOf(ENVIRONMENT);
        return full.operation() == Operation.PROCESS_START && environment >= 0 && !lesser.detail().equals(full.detail())
                ? full.detail().substring(0, environment + ENVIRONMENT.length()) : full.detail();
    }

    /** A level may decode more than it promises, never something else. */
    private static void leftOutOrSame(String full, String lesser, boolean promised, String where) {
        if (promised || !lesser.isEmpty()) {
            assertEquals(full, lesser, where);
        }
    }

    private static AnalysisResult pass(List<ProcessInfo> table, List<Event> events, Analyzer.Scope scope) {
        Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { }, scope);
        analyzer.processTable(table);
        events.forEach(analyzer::accept);
        return analyzer.finish(0);
    }

    private static List<Event> read(String log, Decoding decoding) throws IOException {
        List<Event> events = new ArrayList<>();
        try (EventReader r = LogReaders.open(log, ReadOptions.defaults().withDecoding(decoding))) {
            r.forEachRemaining(events::add);
        }
        return events;
    }

    private static List<ProcessInfo> processes(String log) throws IOException {
        try (EventReader r = LogReaders.open(log, ReadOptions.defaults())) {
            return r.processes();
        }
    }

    private String asPml(String csv) throws IOException {
        Path pml = dir.resolve(Path.of(csv).getFileName() + ".pml");
        try (EventReader r = LogReaders.open(csv, ReadOptions.defaults())) {
            List<Event> events = new ArrayList<>();
            r.forEachRemaining(events::add);
            PmlWriter.write(pml, r.processes(), events, 20_000);
        }
        return pml.toString();
    }
}
