package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessDetail;
import org.pmtriage.generator.CaptureTruth.Leak;
import org.pmtriage.generator.CaptureTruth.Race;
import org.pmtriage.generator.CaptureTruth.SharingViolation;

/**
 * The behaviours of real builds (issue 11) are in the generated events as real logs show them,
 * and the truth states the verdicts those events support.
 */
class RealBuildBehavioursTest {

    private static final long MS = CaptureConfig.MS;

    /** A simulated capture kept in memory. */
    private record Capture(List<Event> events, CaptureTruth truth) {

        static Capture of(CaptureConfig config) {
            BuildSimulation sim = new BuildSimulation(config, false);
            List<Event> events = new ArrayList<>();
            sim.forEachRemaining(events::add);
            return new Capture(events, sim.truth());
        }

        List<Event> where(Predicate<Event> p) {
            return events.stream().filter(p).toList();
        }

        Event only(Predicate<Event> p, String what) {
            List<Event> found = where(p);
            assertEquals(1, found.size(), what + ": " + found);
            return found.get(0);
        }

        /** The Process Exit of the process with this PID alive at {@code at}. */
        Event exitOf(int pid, long at) {
            return events.stream().filter(e -> e.pid() == pid && e.operation() == Operation.PROCESS_EXIT && e.time() >= at)
                    .findFirst().orElseThrow(() -> new AssertionError("no exit of " + pid + " after " + at));
        }
    }

    private static CaptureConfig config(long seed, Behaviours behaviours) {
        return CaptureConfig.defaults(seed).withJobs(30, 4).withInjections(0, 0, 0, 0).withExtras(0, 0)
                .withBehaviours(behaviours);
    }

    private static Predicate<Event> op(Operation operation, String path) {
        return e -> e.operation() == operation && e.path().equalsIgnoreCase(path);
    }

    @Test
    void defaultsAreTheCaptureOfBefore() {
        CaptureConfig plain = CaptureConfig.defaults(3);
        assertEquals(Behaviours.NONE, plain.behaviours());
        assertFalse(Capture.of(plain).events().stream().anyMatch(e -> e.path().equals(ProcessScripts.CURRENT_DIRECTORY)));
    }

    @Test
    void consoleProcessesOpenTheirCurrentDirectoryAndTheKernelClosesItAtExit() {
        Capture c = Capture.of(config(31, Behaviours.NONE.withCurrentDirectory(true).withServers(0, 1, 0, 0)));
        List<Event> starts = c.where(e -> e.operation() == Operation.PROCESS_START);
        List<Event> opens = c.where(op(Operation.CREATE_FILE, "C:\\build"));
        assertEquals(starts.size(), opens.size(), "one current-directory open per started process");
        for (Event start : starts) {
            Event open = opens.stream().filter(o -> o.processIndex() == start.processIndex()).findFirst().orElseThrow();
            assertTrue(open.detail().contains("Desired Access: Execute/Traverse, Synchronize"), open.detail());
            assertTrue(open.detail().contains("Options: Directory, Synchronous IO Non-Alert"), open.detail());
            assertTrue(open.detail().contains("ShareMode: Read, Write,"), open.detail());
            assertTrue(open.time() > start.time() && open.time() - start.time() < 20 * MS, "opened at start");
        }
        List<Event> closes = c.where(op(Operation.CLOSE_FILE, "C:\\build"));
        assertEquals(opens.size(), closes.size(), "every directory object closed once");
        for (Event close : closes) {
            Event exit = c.exitOf(close.pid(), close.time() - MS);
            assertTrue(exit.processIndex() == close.processIndex() && exit.time() <= close.time()
                    && close.time() - exit.time() < MS, "rundown close within 1 ms after the exit: " + close);
        }
        for (Race r : c.truth().races()) {
            assertTrue(r.spawnedAt() - r.openedAt() <= 50 * MS && r.spawnedAt() > r.openedAt(), r.toString());
            if (r.path().equals("C:\\build")) {
                assertEquals(r.confirmed() ? "confirmed" : "benign", r.grade(true), r.toString());
            }
        }
        assertTrue(c.truth().races().stream().filter(r -> r.grade(true).equals("benign")).count() >= 25, "a benign race per shell");
        List<Leak> directoryLeaks = c.truth().leaks().stream().filter(l -> l.path().equals("C:\\build")).toList();
        assertEquals(2, directoryLeaks.size(), "cmd's and link's directory carried into mspdbsrv: " + directoryLeaks);
        directoryLeaks.forEach(l -> assertEquals("mspdbsrv.exe", l.closer().name()));
        directoryLeaks.forEach(l -> assertEquals("warning", l.severity()));
    }

    @Test
    void redirectsWhereCmdOrTheChildClosesLastAreHandOvers() {
        CaptureConfig config = CaptureConfig.defaults(32).withJobs(12, 3).withInjections(0, 2, 0, 0).withExtras(0, 0)
                .withBehaviours(Behaviours.NONE.withServers(2, 0, 0, 0));
        Capture c = Capture.of(config);
        List<Race> races = c.truth().races();
        assertEquals(4, races.size());
        races.forEach(r -> assertEquals("intended", r.grade(false)));
        races.forEach(r -> assertEquals("info", ExpectedVerdict.raceSeverity(r.grade(false), r.harmful())));
        int shellLast = 0;
        for (Race r : races) {
            Event close = c.only(op(Operation.CLOSE_FILE, r.path()), "close of " + r.path());
            Event childExit = c.exitOf(r.child().pid(), r.spawnedAt());
            assertFalse(c.where(op(Operation.WRITE_FILE, r.path())).stream().noneMatch(w -> w.pid() == r.child().pid()),
                    "the child writes through the object");
            if (close.pid() == r.opener().pid()) {
                shellLast++;
                assertTrue(close.time() > childExit.time(), "cmd closes after the child exited");
                assertFalse(r.confirmed());
            } else {
                assertEquals(r.child().pid(), close.pid());
                assertTrue(close.time() < childExit.time());
            }
        }
        assertEquals(2, shellLast);
        assertEquals(2, c.truth().leaks().size(), "a hand-over finding only when the child closed last");
        c.truth().leaks().forEach(l -> assertEquals("info", l.severity()));
    }

    @Test
    void pdbServerInheritsTheLogOutlivesTheStepAndBlocksTheCleanup() {
        Capture c = Capture.of(config(33, Behaviours.NONE.withServers(0, 2, 0, 0)));
        List<Leak> leaks = c.truth().leaks();
        assertEquals(2, leaks.size());
        for (Leak l : leaks) {
            assertEquals("leaked-after-hand-over", l.verdict());
            assertEquals("error", l.severity());
            assertEquals("mspdbsrv.exe", l.closer().name());
            assertEquals("link.exe", l.spawnChild().name());
            Event close = c.only(op(Operation.CLOSE_FILE, l.path()), "close");
            Event serverExit = c.exitOf(l.closer().pid(), l.spawnedAt());
            assertTrue(close.time() >= serverExit.time() && close.time() - serverExit.time() < MS, "rundown close");
            assertTrue(c.where(e -> e.pid() == l.closer().pid() && e.path().equals(l.path())
                    && e.operation() != Operation.CLOSE_FILE).isEmpty(), "the server never uses the log");
            Event shellExit = c.exitOf(l.opener().pid(), l.openedAt());
            assertTrue(serverExit.time() - shellExit.time() > 1_000 * MS, "outlives the step by seconds");
            SharingViolation v = c.truth().sharingViolations().stream().filter(s -> s.path().equals(l.path()))
                    .findFirst().orElseThrow();
            assertTrue(v.at() > shellExit.time() && v.at() < serverExit.time());
            assertEquals(List.of(new CaptureTruth.Holder(l.opener(), l.openedAt(), l.closer())), v.holders());
            Event refused = c.only(e -> e.time() == v.at() && e.path().equals(l.path()), "refused delete");
            assertTrue(refused.detail().startsWith("Desired Access: Read Attributes, Delete"), refused.detail());
        }
    }

    @Test
    void scannersHoldOnlyWhenTheirShareModeConflicts() {
        Capture c = Capture.of(config(34, Behaviours.NONE.withServers(0, 0, 4, 0)));
        List<SharingViolation> violations = c.truth().sharingViolations();
        assertEquals(4, violations.size());
        int held = 0;
        for (SharingViolation v : violations) {
            Event scan = c.only(e -> e.operation() == Operation.CREATE_FILE && e.processName().equals("MsMpEng.exe")
                    && e.path().equals(v.path()), "scan of " + v.path());
            assertTrue(scan.detail().startsWith("Desired Access: Generic Read,"));
            boolean sharesDelete = scan.detail().contains("ShareMode: Read, Write, Delete");
            assertEquals(!sharesDelete, v.explained(), v.toString());
            assertEquals(sharesDelete ? "unexplained" : "held", v.cause());
            held += v.explained() ? 1 : 0;
        }
        assertEquals(2, held);
    }

    @Test
    void linkRefusedByTheRunningImage() {
        Capture c = Capture.of(config(35, Behaviours.NONE.withServers(0, 0, 0, 2)));
        assertEquals(2, c.truth().sharingViolations().size());
        for (SharingViolation v : c.truth().sharingViolations()) {
            assertEquals("running-image", v.cause());
            assertEquals(List.of(), v.holders());
            assertEquals("link.exe", v.victim().name());
            int image = v.runningImages().get(0).pid();
            Event create = c.only(e -> e.operation() == Operation.PROCESS_CREATE && e.path().equals(v.path()), "spawn of the image");
            assertEquals(image, ProcessDetail.parse(create.detail()).pid());
            assertTrue(create.time() < v.at() && c.exitOf(image, create.time()).time() > v.at(), "alive at the violation");
            assertFalse(c.where(e -> e.pid() == image && e.operationName().equals("Load Image") && e.path().equals(v.path()))
                    .isEmpty(), "the test process maps its image");
            assertTrue(c.where(op(Operation.CREATE_FILE, v.path())).stream().allMatch(e -> !e.result().equals(Event.SUCCESS)),
                    "no object on the image in the log");
        }
    }

    @Test
    void jitterPutsOpenAndSpawnWithinOneMillisecondInEitherOrder() {
        Capture c = Capture.of(config(36, Behaviours.NONE.withRaces(6, 0, 0, 0, 0)));
        List<Race> races = c.truth().races();
        assertEquals(6, races.size());
        Set<String> orders = new java.util.HashSet<>();
        for (Race r : races) {
            assertTrue(Math.abs(r.spawnedAt() - r.openedAt()) < MS, r.toString());
            assertEquals("confirmed", r.grade(false));
            Event open = c.only(e -> e.operation() == Operation.CREATE_FILE && e.path().equals(r.path())
                    && e.result().equals(Event.SUCCESS), "open");
            Event spawn = c.only(e -> e.operation() == Operation.PROCESS_CREATE && e.time() == r.spawnedAt()
                    && e.pid() == r.opener().pid(), "spawn");
            assertTrue(open.tid() != spawn.tid(), "different driver threads");
            orders.add(open.time() == spawn.time() ? "same time, " + (spawn.record() < open.record() ? "spawn" : "open")
                    + " first" : open.time() < spawn.time() ? "open first" : "spawn first");
            Event close = c.only(op(Operation.CLOSE_FILE, r.path()), "close");
            assertEquals(r.child().pid(), close.pid(), "the child's CloseFile settles it");
        }
        assertEquals(Set.of("open first", "spawn first", "same time, spawn first"), orders);
    }

    @Test
    void filteredExportsKeepParentPidsAndNoriebenStyleHasNoCloses() {
        CaptureConfig base = CaptureConfig.defaults(37).withJobs(20, 3).withInjections(2, 1, 0, 0).withExtras(0, 0);
        Capture filtered = Capture.of(base.withQuirks(Set.of(ExportQuirk.PROCESS_CREATE_FILTERED)));
        assertTrue(filtered.where(e -> e.operation() == Operation.PROCESS_CREATE || e.operation() == Operation.PROCESS_START).isEmpty());
        assertFalse(filtered.where(e -> e.operation() == Operation.PROCESS_EXIT).isEmpty());
        for (Leak l : filtered.truth().leaks()) {
            Event close = filtered.only(op(Operation.CLOSE_FILE, l.path()), "close");
            assertEquals(l.opener().pid(), close.parentPid(), "Parent PID links the closer to the opener");
        }
        assertEquals(List.of("filtered", "no-tids"), health(filtered.truth(), base.withQuirks(Set.of(ExportQuirk.PROCESS_CREATE_FILTERED)), false));
        CaptureConfig noriben = base.withQuirks(Set.of(ExportQuirk.NO_CLOSE_EVENTS));
        Capture noCloses = Capture.of(noriben);
        assertTrue(noCloses.where(e -> e.operation() == Operation.CLOSE_FILE).isEmpty());
        assertEquals(Capture.of(base).events().size() - Capture.of(base).where(e -> e.operation() == Operation.CLOSE_FILE).size(),
                noCloses.events().size(), "only the CloseFiles are missing");
        assertEquals(List.of("no-close-events"), health(noCloses.truth(), noriben, true));
        CaptureConfig noProcesses = base.withQuirks(Set.of(ExportQuirk.NO_PROCESS_EVENTS));
        assertTrue(Capture.of(noProcesses).where(e -> e.operationName().startsWith("Process ")
                || e.operationName().startsWith("Thread ")).isEmpty());
        assertEquals(List.of("no-process-events"), health(Capture.of(noProcesses).truth(), noProcesses, true));
    }

    private static List<String> health(CaptureTruth truth, CaptureConfig config, boolean tids) {
        truth.tids(tids);
        return truth.health(config);
    }

    @Test
    void racesAreGradedByWhatTheLogProves() {
        Capture c = Capture.of(config(38, Behaviours.NONE.withRaces(0, 2, 2, 2, 0)));
        Map<String, List<Race>> byGrade = new TreeMap<>();
        c.truth().races().forEach(r -> byGrade.computeIfAbsent(r.grade(true), g -> new ArrayList<>()).add(r));
        assertEquals(Set.of("refuted", "possible", "likely", "confirmed"), byGrade.keySet());
        for (Race r : byGrade.get("refuted")) {
            Event close = c.only(op(Operation.CLOSE_FILE, r.path()), "refuting close");
            assertEquals(r.opener().pid(), close.pid());
            for (Event spawn : c.where(e -> e.operation() == Operation.PROCESS_CREATE && e.pid() == r.opener().pid()
                    && e.time() >= r.openedAt() && e.time() <= r.openedAt() + 50 * MS)) {
                int child = ProcessDetail.parse(spawn.detail()).pid();
                assertTrue(c.exitOf(child, spawn.time()).time() > close.time(), "every child of the window alive at the close");
            }
            assertEquals(null, ExpectedVerdict.raceSeverity("refuted", r.harmful()));
        }
        for (Race r : byGrade.get("possible")) {
            Event open = c.only(e -> e.operation() == Operation.CREATE_FILE && e.path().equals(r.path()), "open");
            Event spawn = c.only(e -> e.operation() == Operation.PROCESS_CREATE && e.time() == r.spawnedAt(), "spawn");
            assertEquals(open.tid(), spawn.tid(), "one thread: f = open(); subprocess.call()");
            assertTrue(c.where(e -> e.path().equals(r.path()) && e.pid() == r.opener().pid()
                    && e.operation() == Operation.WRITE_FILE && e.time() > r.spawnedAt()).isEmpty(), "no write after the spawn");
            Event close = c.only(op(Operation.CLOSE_FILE, r.path()), "close");
            assertTrue(close.time() > c.exitOf(r.child().pid(), r.spawnedAt()).time(), "closed after the call returned");
            assertEquals("warning", ExpectedVerdict.raceSeverity("possible", r.harmful()));
        }
        assertEquals(2, byGrade.get("likely").size(), "the siblings");
        for (Race sibling : byGrade.get("likely")) {
            assertFalse(sibling.confirmed());
            assertEquals("possible", sibling.grade(false), "different threads tell nothing without TIDs");
            Event open = c.only(e -> e.operation() == Operation.CREATE_FILE && e.path().equals(sibling.path())
                    && e.result().equals(Event.SUCCESS), "open");
            Event spawn = c.only(e -> e.operation() == Operation.PROCESS_CREATE && e.time() == sibling.spawnedAt(), "spawn");
            assertTrue(open.tid() != spawn.tid(), "the sibling is spawned by another thread");
            Race carrier = byGrade.get("confirmed").stream().filter(r -> r.path().equals(sibling.path())).findFirst().orElseThrow();
            assertTrue(carrier.confirmed() && carrier.spawnedAt() > sibling.spawnedAt()
                    && carrier.spawnedAt() - sibling.openedAt() <= 50 * MS, "both spawned in the window");
            Event close = c.only(op(Operation.CLOSE_FILE, sibling.path()), "close");
            assertEquals(carrier.child().pid(), close.pid(), "only the carrier closes it");
        }
    }

    @Test
    void anExitedOpenerHoldsNothingAfterItsExit() {
        Capture c = Capture.of(config(39, Behaviours.NONE.withRaces(0, 0, 0, 0, 4)));
        List<SharingViolation> violations = c.truth().sharingViolations();
        assertEquals(4, violations.size());
        int rundowns = 0;
        for (SharingViolation v : violations) {
            Event open = c.only(e -> e.operation() == Operation.CREATE_FILE && e.processName().equals("gen.exe")
                    && e.path().equals(v.path()), "the generator's open");
            Event exit = c.exitOf(open.pid(), open.time());
            assertTrue(v.at() > exit.time() + 50 * MS, "refused well after the opener exited");
            List<Event> closes = c.where(e -> e.operation() == Operation.CLOSE_FILE && e.pid() == open.pid()
                    && e.path().equals(v.path()));
            if (!closes.isEmpty()) {
                rundowns++;
                assertTrue(closes.get(0).time() >= exit.time() && closes.get(0).time() - exit.time() < MS, "rundown close");
                assertEquals("held", v.cause());
                assertEquals("MsMpEng.exe", v.holders().get(0).opener().name());
            } else {
                assertEquals("unexplained", v.cause());
            }
            assertTrue(v.holders().stream().noneMatch(h -> h.opener().pid() == open.pid()), "never the exited opener");
        }
        assertEquals(2, rundowns);
        assertEquals(List.of(), c.truth().openAtEnd(), "an exited opener's objects are closed at its exit");
    }

    @Test
    void buildShapedCaptureHasOnlyItsLeaksAsErrors() {
        CaptureConfig config = CaptureConfig.defaults(40).withJobs(400, 8).withInjections(3, 0, 0, 0).withExtras(0, 0)
                .withPidReuse(true).withBehaviours(Behaviours.NONE.withCurrentDirectory(true).withRedirectAll(true)
                        .withServers(0, 2, 0, 0));
        Capture c = Capture.of(config);
        CaptureTruth t = c.truth();
        Map<String, Integer> severities = new TreeMap<>();
        t.races().forEach(r -> severities.merge("race " + ExpectedVerdict.raceSeverity(r.grade(false), r.harmful()), 1, Integer::sum));
        t.leaks().forEach(l -> severities.merge("leak " + l.severity(), 1, Integer::sum));
        assertEquals(3 + 2, t.leaks().stream().filter(l -> l.severity().equals("error")).count(), severities.toString());
        assertEquals(3, t.races().stream().filter(r -> "error".equals(ExpectedVerdict.raceSeverity(r.grade(false), r.harmful())))
                .count(), severities.toString());
        long warnings = severities.getOrDefault("race warning", 0) + severities.getOrDefault("leak warning", 0);
        assertTrue(warnings <= 50 && warnings > 0, severities.toString());
        long redirects = t.races().stream().filter(r -> r.path().startsWith("C:\\build\\logs\\")).count();
        assertTrue(redirects >= 380, "redirected jobs: " + redirects);
        assertTrue(t.races().stream().filter(r -> r.path().startsWith("C:\\build\\logs\\"))
                .allMatch(r -> r.grade(false).equals("intended")));
    }
}
