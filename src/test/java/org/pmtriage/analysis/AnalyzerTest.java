package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Timeline;

class AnalyzerTest {

    private static final String CPP = "C:\\build\\gen\\parser_tab.cpp";

    @Test
    void storyOfTheFlakyBuild() {
        AnalysisResult r = new Capture()
                .open(1000, "python.exe", 4312, CPP, Capture.WRITE_EXCLUSIVE)
                .write(1005, "python.exe", 4312, CPP)
                .spawn(1018.9, "python.exe", 4312, "cmd.exe", 5120)
                .spawn(1030, "cmd.exe", 5120, "cl.exe", 6000)
                .refused(1040, "cl.exe", 6000, CPP)
                .exit(1041, "cl.exe", 6000)
                .close(1500, "cmd.exe", 5120, CPP)
                .exit(1501, "cmd.exe", 5120)
                .finish();

        List<InheritedHandle> leaks = Capture.of(r, InheritedHandle.class);
        assertEquals(1, leaks.size());
        InheritedHandle leak = leaks.get(0);
        assertEquals(InheritedHandle.Verdict.LEAKED, leak.verdict());
        assertEquals(Severity.ERROR, leak.severity());
        assertEquals("python.exe", leak.open().opener().name());
        assertEquals(5120, leak.closer().pid());
        assertEquals(1, leak.chain().size());
        assertEquals(18.9, Timeline.millis(leak.spawnGap()));
        assertTrue(leak.open().writes());
        assertEquals(1, leak.open().useCount());
        FileUse write = leak.open().uses().get(0);
        assertEquals("WriteFile", write.operation());
        assertEquals("python.exe", write.process().name());
        assertEquals(2, write.record());

        SpawnRace race = Capture.of(r, SpawnRace.class).get(0);
        assertTrue(race.confirmed());
        assertEquals("cmd.exe", race.spawn().child().name());
        assertEquals(2, race.spawnTid());

        SharingViolation v = Capture.of(r, SharingViolation.class).get(0);
        assertTrue(v.explained());
        assertEquals("cl.exe", v.victim().name());
        assertEquals(1, v.holders().size());
        SharingViolation.Holder holder = v.holders().get(0);
        assertEquals(4312, holder.open().opener().pid());
        assertTrue(holder.conflicts());
        assertEquals(List.of("cmd.exe", "cl.exe"), holder.inheritedBy().stream().map(s -> s.child().name()).toList());
        assertEquals(0, r.count(FindingKind.OPEN_AT_END));
        assertEquals(Severity.ERROR, r.findings().get(0).severity());
    }

    @Test
    void grandchildCloseGivesTheWholeChain() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, CPP, Capture.WRITE)
                .spawn(100, "python.exe", 10, "cmd.exe", 20)
                .spawn(200, "cmd.exe", 20, "cl.exe", 30)
                .exit(250, "cmd.exe", 20)
                .close(300, "cl.exe", 30, CPP)
                .finish();
        InheritedHandle leak = Capture.of(r, InheritedHandle.class).get(0);
        assertEquals(List.of("python.exe>cmd.exe", "cmd.exe>cl.exe"),
                leak.chain().stream().map(s -> s.parent().name() + ">" + s.child().name()).toList());
        assertEquals(0, r.count(FindingKind.SPAWN_RACE), "100 ms is outside the 50 ms window");
    }

    @Test
    void redirectionUsedByTheChildIsHandedOver() {
        String log = "C:\\build\\link.log";
        AnalysisResult r = new Capture()
                .open(0, "cmd.exe", 20, log, Capture.WRITE)
                .spawn(120, "cmd.exe", 20, "link.exe", 30)
                .write(200, "link.exe", 30, log)
                .close(300, "link.exe", 30, log)
                .finish();
        InheritedHandle h = Capture.of(r, InheritedHandle.class).get(0);
        assertEquals(InheritedHandle.Verdict.HANDED_OVER, h.verdict());
        assertEquals(Severity.INFO, h.severity());
        assertEquals(List.of(30), h.usedBy().stream().map(ProcessRef::pid).toList());
        assertEquals(List.of("link.exe"), h.open().uses().stream().map(u -> u.process().name()).toList());
    }

    @Test
    void ownCloseAndNearMissesFindNothing() {
        String a = "C:\\a.txt";
        String b = "C:\\b.txt";
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, a, Capture.WRITE)
                .close(10, "python.exe", 10, a)
                .spawn(20, "python.exe", 10, "cmd.exe", 20)
                .open(100, "python.exe", 10, b, Capture.WRITE)
                .spawn(160.1, "python.exe", 10, "cmd.exe", 21)
                .close(170, "PYTHON.EXE", 10, b.toUpperCase())
                .finish();
        assertEquals(List.of(), r.findings());
        assertEquals(0, r.summary().unmatchedCloses());
    }

    @Test
    void raceWindowIsInclusiveAndConfigurable() {
        String a = "C:\\a.txt";
        AnalysisResult edge = new Capture()
                .open(0, "python.exe", 10, a, Capture.WRITE)
                .spawn(50, "python.exe", 10, "cmd.exe", 20)
                .close(60, "python.exe", 10, a)
                .finish();
        assertEquals(1, edge.count(FindingKind.SPAWN_RACE), "50 ms is inside the window");
        assertEquals(java.util.Map.of("refuted", 1L), edge.raceGrades(), "its own close while cmd.exe runs");
        AnalysisResult narrow = new Capture(20 * Timeline.TICKS_PER_MILLI)
                .open(0, "python.exe", 10, a, Capture.WRITE)
                .spawn(50, "python.exe", 10, "cmd.exe", 20)
                .close(60, "python.exe", 10, a)
                .finish();
        assertEquals(0, narrow.count(FindingKind.SPAWN_RACE));
    }

    @Test
    void childImageOpenedByCreateProcessIsNoRace() {
        AnalysisResult r = new Capture()
                .open(0, "explorer.exe", 10, "C:\\Windows\\System32\\notepad.exe", Capture.READ)
                .spawn(1, "explorer.exe", 10, "notepad.exe", 20)
                .close(5, "explorer.exe", 10, "C:\\Windows\\System32\\notepad.exe")
                .finish();
        assertEquals(List.of(), r.findings());
    }

    @Test
    void reusedPidIsANewProcessThatInheritsNothing() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, CPP, Capture.WRITE)
                .spawn(100, "python.exe", 10, "cmd.exe", 20)
                .exit(150, "cmd.exe", 20)
                .spawn(3000, "explorer.exe", 4, "cmd.exe", 20)
                .close(3100, "cmd.exe", 20, CPP)
                .finish();
        assertEquals(0, r.count(FindingKind.INHERITED_HANDLE));
        assertEquals(1, r.summary().unmatchedCloses());
        assertEquals(1, r.count(FindingKind.OPEN_AT_END));
        assertEquals(4, r.summary().processes());
    }

    @Test
    void fileOpenedAfterTheSpawnIsNotInherited() {
        AnalysisResult r = new Capture()
                .spawn(0, "python.exe", 10, "cmd.exe", 20)
                .open(100, "python.exe", 10, CPP, Capture.WRITE)
                .close(200, "cmd.exe", 20, CPP)
                .finish();
        assertEquals(0, r.count(FindingKind.INHERITED_HANDLE));
        assertEquals(1, r.summary().unmatchedCloses());
    }

    @Test
    void closeMatchesTheClosersOwnObjectFirst() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, CPP, Capture.READ)
                .spawn(100, "python.exe", 10, "cmd.exe", 20)
                .open(200, "cmd.exe", 20, CPP, Capture.READ)
                .close(300, "cmd.exe", 20, CPP)
                .close(400, "python.exe", 10, CPP)
                .finish();
        assertEquals(List.of(), r.findings());
    }

    @Test
    void sharingViolationWithoutHolderIsUnexplained() {
        AnalysisResult r = new Capture().refused(5, "cl.exe", 30, CPP).finish();
        SharingViolation v = Capture.of(r, SharingViolation.class).get(0);
        assertFalse(v.explained());
        assertEquals("Generic Read", v.desiredAccess());
    }

    @Test
    void summaryCountsEventsOperationsAndSpan() {
        AnalysisResult r = new Capture()
                .open(1, "python.exe", 10, CPP, Capture.WRITE)
                .write(2, "python.exe", 10, CPP)
                .write(3, "python.exe", 10, CPP)
                .close(4, "python.exe", 10, CPP)
                .finish();
        assertEquals(4, r.summary().events());
        assertEquals(List.of("WriteFile", "CloseFile", "CreateFile"), List.copyOf(r.summary().operations().keySet()));
        assertEquals(3 * Timeline.TICKS_PER_MILLI, r.summary().lastTime() - r.summary().firstTime());
        assertEquals(1, r.summary().processes());
    }

    @Test
    void closeJustAfterExitStillBelongsToTheExitedProcess() {
        AnalysisResult r = new Capture()
                .spawn(0, "python.exe", 10, "cmd.exe", 20)
                .open(10, "cmd.exe", 20, CPP, Capture.WRITE)
                .exit(20, "cmd.exe", 20)
                .close(500, "cmd.exe", 20, CPP)
                .finish();
        assertEquals(List.of(), r.findings());
        assertEquals(0, r.summary().unmatchedCloses());
    }
}
