package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Event;

/** The product's analysis finds exactly what the generator says it injected. */
class AnalyzerAgreesWithTruthTest {

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    static void assertAgrees(CaptureConfig config) {
        BuildSimulation sim = new BuildSimulation(config, false);
        Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
        sim.forEachRemaining(analyzer::accept);
        assertAgrees(analyzer.finish(0), sim.truth(), "seed " + config.seed());
    }

    static void assertAgrees(AnalysisResult result, CaptureTruth truth, String seed) {
        List<String> leaks = new ArrayList<>();
        List<String> races = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (f instanceof InheritedHandle h) {
                leaks.add(h.path() + "|" + h.open().opener().pid() + "|" + h.open().at() + "|"
                        + h.chain().get(0).child().pid() + "|" + h.chain().get(0).at() + "|" + h.closer().pid() + "|"
                        + h.closedAt() + "|" + h.verdict().id());
            } else if (f instanceof SpawnRace r) {
                races.add(r.path() + "|" + r.open().opener().pid() + "|" + r.spawn().child().pid() + "|" + r.open().at()
                        + "|" + r.spawn().at() + "|" + r.confirmed());
            } else if (f instanceof SharingViolation s) {
                StringBuilder holders = new StringBuilder();
                s.holders().forEach(h -> holders.append(h.open().opener().pid()).append(','));
                violations.add(s.path() + "|" + s.victim().pid() + "|" + s.at() + "|" + holders);
            } else if (f instanceof OpenAtEnd o) {
                open.add(o.path() + "|" + o.open().opener().pid() + "|" + o.open().at());
            }
        }
        assertEquals(0, result.summary().unmatchedCloses(), seed);
        assertEquals(sorted(SemanticsOracle.leaksOf(truth)), sorted(leaks), seed + ": inherited handles");
        assertEquals(sorted(SemanticsOracle.racesOf(truth)), sorted(races), seed + ": spawn races");
        assertEquals(sorted(SemanticsOracle.sharingViolationsOf(truth)), sorted(violations), seed + ": sharing violations");
        assertEquals(sorted(SemanticsOracle.openAtEndOf(truth)), sorted(open), seed + ": open at end");
        assertEquals(truth.events(), result.summary().events(), seed);
    }

    @Test
    void story() {
        assertAgrees(CaptureConfig.defaults(1).withBuild(8, 3, 1, 1, 0, 0).withExtras(0, 0).withStory(true));
    }

    @Test
    void randomizedBuildsWithPidReuseAcrossMidnight() {
        for (long seed = 200; seed < 210; seed++) {
            assertAgrees(CaptureConfig.defaults(seed).withBuild(60, 2 + (int) (seed % 12), 3, 2, 3, 4)
                    .withExtras(2, (int) (seed % 3)).withDeepLeaks(2).withPidReuse(seed % 2 == 0)
                    .withQuirks(seed % 2 == 1 ? EnumSet.of(ExportQuirk.EXOTIC_NOISE) : EnumSet.noneOf(ExportQuirk.class))
                    .withStart(TimeOfDayTicks.of(23, 59, 57), LocalDate.of(2026, 10, 24)));
        }
    }

    @Test
    void exportsReadBackGiveTheSameFindings(@TempDir Path dir) throws IOException {
        CaptureConfig config = CaptureConfig.defaults(300).withBuild(30, 5, 2, 2, 2, 2).withExtras(1, 1).withDeepLeaks(2)
                .withPidReuse(true).withLocale(CaptureLocale.IT_IT);
        for (List<CaptureColumn> columns : List.of(CaptureColumn.DEFAULT, CaptureColumn.ALL)) {
            Path file = dir.resolve("c.csv");
            CaptureTruth truth;
            try (OutputStream out = Files.newOutputStream(file)) {
                truth = GenerateCapture.writeCsv(config, CsvCaptureWriter.Options.of(config).withColumns(columns), 0, out);
            }
            Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
            CsvRoundTripTest.read(file).forEach(analyzer::accept);
            assertAgrees(analyzer.finish(0), truth, columns.size() + " columns");
        }
    }

    @Test
    void advancedOutputAndOldProcessStartDetails(@TempDir Path dir) throws IOException {
        CaptureConfig config = CaptureConfig.defaults(301).withBuild(30, 5, 2, 2, 2, 2).withExtras(1, 1)
                .withPidReuse(true).withQuirks(ExportQuirk.rewordings());
        Path file = dir.resolve("c.csv");
        CaptureTruth truth;
        try (OutputStream out = Files.newOutputStream(file)) {
            truth = GenerateCapture.writeCsv(config, CsvCaptureWriter.Options.of(config), 0, out);
        }
        assertEquals(truth.operations().get("IRP_MJ_CLEANUP"), truth.operations().get("IRP_MJ_CLOSE"));
        assertEquals(null, truth.operations().get("CloseFile"));
        Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
        CsvRoundTripTest.read(file).forEach(analyzer::accept);
        assertAgrees(analyzer.finish(0), truth, "quirks");
        assertAgrees(config);
    }

    @Test
    void largeCapture() {
        CaptureConfig config = CaptureConfig.defaults(99).withBuild(200, 16, 5, 5, 5, 5).withExtras(5, 2).withDeepLeaks(5)
                .withPidReuse(true).withTargetEvents(100_000);
        assertAgrees(config);
        assertTrue(config.targetEvents() > 0);
    }
}
