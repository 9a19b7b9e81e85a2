package org.pmtriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.RaceGrade;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;

class IncidentsTest {

    private static final ProcessRef PYTHON = new ProcessRef(4312, "python.exe", "", ProcessRef.UNKNOWN_TIME,
            ProcessRef.UNKNOWN_TIME);
    private static final long MS = 10_000;

    @Test
    void aLeakItsRaceAndTheViolationItCausedAreOneIncident() {
        ProcessRef cmd = new ProcessRef(5120, "cmd.exe", "", 189_000, 600 * MS, 1, 2);
        ProcessRef cl = new ProcessRef(5816, "cl.exe", "", 300_000, 45 * MS, 1, 2);
        FileOpen open = open(PYTHON, 0, 7, "C:\\build\\gen\\parser_tab.cpp");
        Spawn spawn = new Spawn(PYTHON, cmd, 189_000, 9);
        Finding leak = new InheritedHandle("C:\\build\\gen\\parser_tab.cpp", InheritedHandle.Verdict.LEAKED, open, cmd,
                500 * MS, 40, List.of(spawn), List.of(), InheritedHandle.Evidence.SPAWNS, Severity.ERROR, "leaked");
        Finding violation = new SharingViolation("C:\\build\\gen\\parser_tab.cpp", cl, 3, 40 * MS, 30, "Generic Read",
                "Read", List.of(new SharingViolation.Holder(open, List.of(spawn), true, true, "C:\\build\\gen\\parser_tab.cpp")),
                SharingViolation.Cause.HELD, List.of(), "held");
        Finding race = new SpawnRace("C:\\build\\gen\\parser_tab.cpp", open, spawn, 2, RaceGrade.CONFIRMED, "confirmed",
                true, true);
        Finding elsewhere = new OpenAtEnd("C:\\build\\link.log", open(PYTHON, 1000 * MS, 80, "C:\\build\\link.log"),
                List.of());
        Incidents incidents = Incidents.of(result(List.of(leak, violation, race, elsewhere)));

        assertEquals(2, incidents.incidents().size());
        Incident story = incidents.incidents().get(0);
        assertEquals("i1", story.id());
        assertSame(leak, story.lead());
        assertEquals(List.of(leak, violation, race), story.findings());
        assertEquals(List.of(cl), story.failed());
        assertEquals(Severity.ERROR, story.severity());
        assertEquals("python.exe (4312) leaked C:\\build\\gen\\parser_tab.cpp into cmd.exe (5120) 18.9 ms after opening"
                + " it; cl.exe (5816) then failed with SHARING VIOLATION (exit status 2)", story.headline());
        assertEquals("f2", incidents.findingId(violation));
        assertSame(story, incidents.incidentOf(violation));
        assertEquals("C:\\build", incidents.root().folder());
        assertEquals(new PatternKey("inherited-handle", "leaked", "python.exe", List.of("cmd.exe"), "gen\\*.cpp"),
                story.key());
        assertEquals("p1", incidents.patternOf(story).id());
        assertEquals("open-at-end open: python.exe, *.log", incidents.patterns().get(1).key().title());
    }

    @Test
    void tenLeaksOfOneCauseAreOnePatternOfTenIncidents() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ProcessRef cmd = new ProcessRef(6000 + i, "cmd.exe", "", i * 1000 * MS + 5 * MS, ProcessRef.UNKNOWN_TIME);
            String path = "D:\\ws\\build\\gen\\file" + i + ".cpp";
            FileOpen open = open(PYTHON, i * 1000 * MS, 100 + i, path);
            findings.add(new InheritedHandle(path, InheritedHandle.Verdict.LEAKED, open, cmd, i * 1000 * MS + 50 * MS,
                    200 + i, List.of(new Spawn(PYTHON, cmd, i * 1000 * MS + 5 * MS, 300 + i)), List.of(),
                    InheritedHandle.Evidence.SPAWNS, Severity.ERROR, "leaked"));
        }
        Incidents incidents = Incidents.of(result(findings));
        assertEquals(10, incidents.incidents().size());
        assertEquals(1, incidents.patterns().size());
        Pattern p = incidents.patterns().get(0);
        assertEquals(10, p.incidents().size());
        assertEquals("inherited-handle leaked: python.exe -> cmd.exe, gen\\*.cpp", p.key().title(),
                "all in one folder: the root is its parent, so the shape names it and holds no workspace");
        assertEquals("D:\\ws\\build", incidents.root().folder());
        assertEquals(0, p.firstAt());
        assertEquals(9000 * MS, p.lastAt());
    }

    @Test
    void aViolationNoLeakExplainsLeadsItsOwnIncidentWithTheOthersOfItsHolder() {
        ProcessRef cl = new ProcessRef(5816, "cl.exe", "", 0, ProcessRef.UNKNOWN_TIME);
        ProcessRef scanner = new ProcessRef(2764, "MsMpEng.exe", "", ProcessRef.UNKNOWN_TIME, ProcessRef.UNKNOWN_TIME);
        FileOpen open = open(cl, 0, 5, "C:\\build\\obj\\a.obj");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            findings.add(new SharingViolation("C:\\build\\obj\\a.obj", scanner, 1, (i + 1) * MS, 10 + i, "Generic Read",
                    "Read", List.of(new SharingViolation.Holder(open, List.of(), true, true, "C:\\build\\obj\\a.obj")),
                    SharingViolation.Cause.HELD, List.of(), "held"));
        }
        findings.add(new SharingViolation("C:\\build\\obj\\b.obj", scanner, 1, 9 * MS, 20, "Generic Read", "Read",
                List.of(), SharingViolation.Cause.UNEXPLAINED, List.of(), "unexplained"));
        Incidents incidents = Incidents.of(result(findings));
        assertEquals(2, incidents.incidents().size());
        assertEquals(3, incidents.incidents().get(0).violations().size());
        assertEquals("MsMpEng.exe (2764) was refused C:\\build\\obj\\a.obj with SHARING VIOLATION while cl.exe (5816)"
                + " held it (and 2 more refused open(s))", incidents.incidents().get(0).headline());
        assertEquals("MsMpEng.exe (2764) was refused C:\\build\\obj\\b.obj with SHARING VIOLATION; no holder is known",
                incidents.incidents().get(1).headline());
        assertEquals("sharing-violation unexplained: ?, obj\\*.obj", incidents.patterns().get(1).key().title());
        assertNull(Incidents.mainHolder((SharingViolation) findings.get(3)));
    }

    @Test
    void everyFindingBelongsToExactlyOneIncident() {
        ProcessRef cmd = new ProcessRef(5120, "cmd.exe", "", 10, ProcessRef.UNKNOWN_TIME);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String path = "C:\\b\\f" + (i % 3) + ".h";
            FileOpen open = open(PYTHON, i * MS, i % 5, path);
            Spawn spawn = new Spawn(PYTHON, cmd, i * MS + 10, 1000 + i);
            findings.add(i % 2 == 0 ? new SpawnRace(path, open, spawn, 1, RaceGrade.LIKELY, "likely", true, true)
                    : new OpenAtEnd(path, open, List.of(spawn)));
            findings.add(new SharingViolation(path, cmd, 1, i * MS + 20, 2000 + i, "Generic Read", "Read",
                    List.of(new SharingViolation.Holder(open(PYTHON, 0, (i + 1) % 5, path), List.of(), false, true, path),
                            new SharingViolation.Holder(open, List.of(), true, true, path)),
                    SharingViolation.Cause.HELD, List.of(), "held"));
        }
        Incidents incidents = Incidents.of(result(findings));
        int total = incidents.incidents().stream().mapToInt(i -> i.findings().size()).sum();
        assertEquals(findings.size(), total);
        for (Finding f : findings) {
            assertTrue(incidents.incidentOf(f).findings().stream().anyMatch(g -> g == f));
        }
        assertEquals(15, incidents.incidents().size(), "15 file objects, each raced or open at the end");
    }

    @Test
    void buildRootIsTheLongestCommonFolderOfWrittenPaths() {
        assertEquals("C:\\build", BuildRoot.commonFolder(List.of("C:\\build\\gen\\a.cpp", "c:\\BUILD\\link.log")));
        assertEquals("", BuildRoot.commonFolder(List.of("C:\\a\\x.cpp", "D:\\a\\x.cpp")));
        assertEquals("C:", BuildRoot.commonFolder(List.of("C:\\b\\x.cpp", "C:\\bb\\y.cpp")), "whole folder names only");
        BuildRoot root = new BuildRoot("C:\\build");
        assertEquals("gen\\*.cpp", root.shape("C:\\Build\\Gen\\Parser.CPP"));
        assertEquals("*", root.shape("C:\\build\\Makefile"));
        assertEquals("c:\\windows\\temp\\*.tmp", root.shape("C:\\Windows\\Temp\\x.tmp"), "outside the root: absolute");
    }

    static FileOpen open(ProcessRef opener, long at, long record, String path) {
        return new FileOpen(opener, 1, at, record, "Generic Write", "None", !path.endsWith(".h"), List.of(), 0);
    }

    static AnalysisResult result(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(java.util.Comparator.comparing(Finding::severity));
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        sorted.forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        return new AnalysisResult(new CaptureSummary(100, Map.of(), 3, 0, 10_000 * MS, 0, 0, List.of()), sorted, counts,
                Map.of());
    }
}
