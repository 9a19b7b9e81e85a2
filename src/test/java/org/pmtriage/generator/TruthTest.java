package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;

/** The truth says exactly what an independent replay of the events finds, and counts right. */
class TruthTest {

    @TempDir
    Path dir;

    private static SemanticsOracle replay(Iterable<Event> events) {
        SemanticsOracle oracle = new SemanticsOracle();
        for (Event e : events) {
            oracle.accept(e);
        }
        oracle.finish();
        return oracle;
    }

    private static void assertMatches(CaptureTruth truth, SemanticsOracle oracle) {
        assertEquals(List.of(), oracle.problems, "unmatched closes or orphan starts");
        assertEquals(sorted(SemanticsOracle.leaksOf(truth)), sorted(oracle.leaks), "inherited handles");
        assertEquals(sorted(SemanticsOracle.racesOf(truth)), sorted(oracle.races), "spawn races");
        assertEquals(sorted(SemanticsOracle.sharingViolationsOf(truth)), sorted(oracle.sharingViolations), "sharing violations");
        assertEquals(sorted(SemanticsOracle.openAtEndOf(truth)), sorted(oracle.openAtEnd), "open at end");
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    @Test
    void storyTruthIsWhatTheEventsSay() {
        CaptureConfig config = CaptureConfig.defaults(1).withJobs(8, 3).withInjections(1, 1, 0, 0).withExtras(0, 0).withStory(true);
        BuildSimulation sim = new BuildSimulation(config, false);
        List<Event> events = new ArrayList<>();
        sim.forEachRemaining(events::add);
        assertMatches(sim.truth(), replay(events));
        CaptureTruth.Leak leak = sim.truth().leaks().get(0);
        assertEquals("C:\\build\\gen\\parser_tab.cpp", leak.path());
        assertEquals(new CaptureTruth.Proc(4312, "python.exe"), leak.opener());
        assertEquals(new CaptureTruth.Proc(5120, "cmd.exe"), leak.closer());
        assertEquals("leaked", leak.verdict());
        assertEquals(18.9, sim.truth().races().get(0).gapMs(), 1e-9);
        assertEquals("handed-over", sim.truth().leaks().get(1).verdict());
        assertEquals("C:\\build\\link.log", sim.truth().leaks().get(1).path());
        assertEquals(1, sim.truth().sharingViolations().size());
    }

    @Test
    void randomizedBuildsHaveExactTruth() {
        for (long seed = 100; seed < 112; seed++) {
            CaptureConfig config = CaptureConfig.defaults(seed).withJobs(60, 2 + (int) (seed % 9))
                    .withInjections(3, 2, 3, 4).withExtras(2, (int) (seed % 3)).withDeepLeaks(2).withPidReuse(seed % 2 == 0)
                    .withNoise(0.05 * (seed % 7))
                    .withQuirks(seed % 3 == 0 ? ExportQuirk.rewordings() : Set.of());
            BuildSimulation sim = new BuildSimulation(config, false);
            List<Event> events = new ArrayList<>();
            sim.forEachRemaining(events::add);
            SemanticsOracle oracle = replay(events);
            assertMatches(sim.truth(), oracle);
            assertEquals(7, sim.truth().leaks().size(), "seed " + seed);
            assertEquals(10, sim.truth().races().size(), "seed " + seed);
            assertEquals(4, sim.truth().nearMisses().size(), "seed " + seed);
            assertEquals(7, sim.truth().sharingViolations().size(), "seed " + seed);
            assertEquals(seed % 3, sim.truth().openAtEnd().size(), "seed " + seed);
        }
    }

    @Test
    void truthCountsTheEventsOfTheFile() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(21).withPidReuse(true);
        BuildSimulation sim = new BuildSimulation(config, false);
        List<Event> events = new ArrayList<>();
        sim.forEachRemaining(events::add);
        Path file = dir.resolve("c.csv");
        CsvRoundTripTest.write(events, file, CsvCaptureWriter.Options.of(config).withColumns(CaptureColumn.ALL));
        List<Event> back = CsvRoundTripTest.read(file);
        assertEquals(sim.truth().events(), back.size());
        Map<String, Long> counts = new HashMap<>();
        back.forEach(e -> counts.merge(e.operationName(), 1L, Long::sum));
        assertEquals(sim.truth().operations(), counts);
        assertMatches(sim.truth(), replay(back));
    }

    @Test
    void pidReuseReallyReusesAndOnlyAfterExit() {
        CaptureConfig config = CaptureConfig.defaults(5).withJobs(120, 8).withPidReuse(true);
        Map<Integer, Boolean> alive = new HashMap<>();
        int reused = 0;
        for (Event e : (Iterable<Event>) () -> new BuildSimulation(config, false)) {
            switch (e.operation()) {
                case PROCESS_START -> {
                    assertFalse(alive.getOrDefault(e.pid(), false), "PID " + e.pid() + " started while alive");
                    if (alive.containsKey(e.pid())) {
                        reused++;
                    }
                    alive.put(e.pid(), true);
                }
                case PROCESS_EXIT -> alive.put(e.pid(), false);
                default -> {
                }
            }
        }
        assertTrue(reused > 10, "reused PIDs: " + reused);
    }

    @Test
    void midnightCaptureKeepsGrowingPastOneDay() {
        CaptureConfig config = CaptureConfig.defaults(8).withStart(TimeOfDayTicks.of(23, 59, 59), LocalDate.of(2026, 2, 28));
        long last = 0;
        for (Event e : (Iterable<Event>) () -> new BuildSimulation(config, false)) {
            last = e.time();
        }
        assertTrue(last > TimeOfDayTicks.DAY, "last event at " + last);
    }

    @Test
    void largeRandomizedCaptureAcrossMidnightWithPidReuseHasExactTruth() {
        CaptureConfig config = CaptureConfig.defaults(77).withJobs(100, 16).withInjections(4, 3, 3, 4).withDeepLeaks(3)
                .withPidReuse(true).withNoise(0.4).withStart(TimeOfDayTicks.of(23, 59, 50), LocalDate.of(2026, 6, 30))
                .withTargetEvents(100_000);
        BuildSimulation sim = new BuildSimulation(config, false);
        SemanticsOracle oracle = new SemanticsOracle();
        long count = 0;
        long last = Long.MIN_VALUE;
        while (sim.hasNext()) {
            Event e = sim.next();
            assertTrue(e.time() >= last, "time order at record " + e.record());
            last = e.time();
            oracle.accept(e);
            count++;
        }
        oracle.finish();
        assertTrue(count >= 100_000, "events: " + count);
        assertTrue(last > TimeOfDayTicks.DAY, "crosses midnight");
        assertEquals(count, sim.truth().events());
        assertMatches(sim.truth(), oracle);
        assertTrue(sim.truth().leaks().size() > 20, "leaks: " + sim.truth().leaks().size());
    }
}
