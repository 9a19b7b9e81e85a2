package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each grade of a spawn race, and the precedence between them, on the smallest log that shows it. */
class SpawnRaceGradesTest {

    private static final String CPP = "C:\\build\\gen\\parser_tab.cpp";
    private static final String CMD = "C:\\Windows\\System32\\cmd.exe";
    private static final String READ_SHARED = "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO"
            + " Non-Alert, Non-Directory File, Attributes: n/a, ShareMode: Read, Write, AllocationSize: n/a, OpenResult: Opened";
    private static final String READ_DELETE = READ_SHARED.replace("Generic Read", "Generic Read, Delete");

    /** A capture that has CloseFile events (of another file), so races in it can be asserted. */
    private static Capture withCloses() {
        return new Capture().open(0, "other.exe", 99, 1, "C:\\other.txt", Capture.READ).close(0, "other.exe", 99,
                "C:\\other.txt");
    }

    private static SpawnRace only(AnalysisResult r) {
        List<SpawnRace> races = Capture.of(r, SpawnRace.class);
        assertEquals(1, races.size(), races.toString());
        return races.get(0);
    }

    @Test
    void ownCloseWhileTheChildRunsRefutesAndIsCountedNotListed() {
        Capture python3 = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, CMD, 20)
                .close(10, "python.exe", 10, CPP)
                .exit(30, "cmd.exe", 20);
        AnalysisResult r = python3.finish();
        assertEquals(List.of(), Capture.of(r, SpawnRace.class));
        assertEquals(1, r.count(FindingKind.SPAWN_RACE));
        assertEquals(Map.of("refuted", 1L), r.raceGrades());

        AnalysisResult listed = new Capture().listRefuted()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, CMD, 20)
                .close(10, "python.exe", 10, CPP)
                .finish();
        SpawnRace race = only(listed);
        assertEquals(RaceGrade.REFUTED, race.grade());
        assertEquals(Severity.INFO, race.severity());
        assertTrue(race.reason().startsWith("python.exe (10) released its own last handle"), race.reason());
    }

    @Test
    void ownCloseAfterTheChildExitedProvesNothing() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, CMD, 20)
                .exit(8, "cmd.exe", 20)
                .close(10, "python.exe", 10, CPP)
                .finish();
        assertEquals(RaceGrade.LIKELY, only(r).grade(), "threads 1 and 2");
    }

    @Test
    void ownCloseWithTwoObjectsOpenOnThePathMayBeTheOtherOnes() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE)
                .open(1, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, CMD, 20)
                .close(10, "python.exe", 10, CPP)
                .finish();
        List<SpawnRace> races = Capture.of(r, SpawnRace.class);
        assertEquals(List.of(RaceGrade.LIKELY), races.stream().map(SpawnRace::grade).distinct().toList());
        assertEquals(2, races.size());
    }

    @Test
    void closeByTheCarryingChildConfirmsOnlyThatChild() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, CMD, 20)
                .spawn(6, "python.exe", 10, 3, CMD, 21)
                .spawn(7, "python.exe", 10, 4, CMD, 22)
                .exit(9, "cmd.exe", 22)
                .close(10, "cmd.exe", 20, CPP)
                .finish();
        Map<Integer, SpawnRace> byChild = new java.util.HashMap<>();
        Capture.of(r, SpawnRace.class).forEach(race -> byChild.put(race.spawn().child().pid(), race));
        assertEquals(RaceGrade.CONFIRMED, byChild.get(20).grade());
        assertEquals(Severity.ERROR, byChild.get(20).severity(), "written and shared None");
        assertTrue(byChild.get(20).confirmed());
        assertEquals(null, byChild.get(21), "a sibling alive at the close held no copy: refuted, not listed");
        assertEquals(RaceGrade.LIKELY, byChild.get(22).grade(), "a sibling that exited before the close: undecided");
        assertEquals(1L, r.raceGrades().get("refuted"));
    }

    @Test
    void confirmedWithoutHarmIsAWarning() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, READ_SHARED)
                .spawn(5, "python.exe", 10, 2, CMD, 20)
                .close(10, "cmd.exe", 20, CPP)
                .finish();
        SpawnRace race = only(r);
        assertEquals(RaceGrade.CONFIRMED, race.grade(), "confirmed comes before benign");
        assertEquals(Severity.WARNING, race.severity());
    }

    @Test
    void useByTheChildOrItsChildIsAHandOver() {
        String log = "C:\\build\\link.log";
        AnalysisResult r = new Capture()
                .open(0, "cmd.exe", 20, 1, log, Capture.WRITE)
                .spawn(0.5, "cmd.exe", 20, 1, "C:\\bin\\link.exe", 30)
                .spawn(2, "link.exe", 30, 5, "C:\\bin\\cvtres.exe", 40)
                .write(3, "cvtres.exe", 40, log)
                .exit(4, "cvtres.exe", 40)
                .exit(5, "link.exe", 30)
                .close(6, "cmd.exe", 20, log)
                .finish();
        SpawnRace race = only(r);
        assertEquals(RaceGrade.INTENDED, race.grade());
        assertEquals(Severity.INFO, race.severity());
        assertTrue(race.reason().contains("or a process it spawned"), race.reason());
    }

    @Test
    void directoriesAndPermissiveReadsAreBenign() {
        AnalysisResult r = new Capture()
                .open(0, "cmd.exe", 20, 1, "C:\\build", Capture.DIRECTORY)
                .open(1, "cmd.exe", 20, 1, "C:\\build\\in.txt", READ_SHARED)
                .spawn(5, "cmd.exe", 20, 1, "C:\\bin\\cl.exe", 30)
                .finish();
        List<SpawnRace> races = Capture.of(r, SpawnRace.class);
        assertEquals(List.of(RaceGrade.BENIGN, RaceGrade.BENIGN), races.stream().map(SpawnRace::grade).toList());
        assertTrue(races.get(0).reason().startsWith("a directory handle"), races.get(0).reason());
        assertTrue(races.get(1).reason().startsWith("opened read-only with share Read, Write"), races.get(1).reason());
        assertTrue(races.stream().allMatch(race -> race.severity() == Severity.INFO));
    }

    @Test
    void anotherThreadOrWritingAfterTheSpawnIsLikely() {
        AnalysisResult crossThread = withCloses()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(19, "python.exe", 10, 2, CMD, 20)
                .finish();
        assertEquals(RaceGrade.LIKELY, only(crossThread).grade());
        assertEquals(Severity.WARNING, only(crossThread).severity());
        assertTrue(only(crossThread).reason().startsWith("opened on thread 1 and the child spawned from thread 2"));

        AnalysisResult keptWriting = withCloses()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(19, "python.exe", 10, 1, CMD, 20)
                .write(25, "python.exe", 10, CPP)
                .finish();
        assertEquals(RaceGrade.LIKELY, only(keptWriting).grade());
        assertTrue(only(keptWriting).reason().contains("kept writing"), only(keptWriting).reason());
    }

    @Test
    void sameThreadIsPossibleAndItsSeverityFollowsHarm() {
        AnalysisResult harmful = withCloses()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(19, "python.exe", 10, 1, CMD, 20)
                .finish();
        assertEquals(RaceGrade.POSSIBLE, only(harmful).grade());
        assertEquals(Severity.WARNING, only(harmful).severity());
        assertTrue(only(harmful).reason().startsWith("opened and spawned on the same thread 1"));

        AnalysisResult harmless = withCloses()
                .open(0, "python.exe", 10, 1, CPP, READ_DELETE)
                .spawn(19, "python.exe", 10, 1, CMD, 20)
                .finish();
        assertEquals(RaceGrade.POSSIBLE, only(harmless).grade());
        assertEquals(Severity.INFO, only(harmless).severity());
    }

    @Test
    void spawnLoggedJustBeforeTheOpenOnAnotherThreadIsSettledByTheChildsClose() {
        AnalysisResult r = new Capture()
                .event(100.000, "python.exe", 10, 2, "Process Create", CMD, "SUCCESS", "PID: 20, Command line: cmd.exe")
                .open(99.990, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .event(100.2, "cmd.exe", 20, 3, "Process Start", "", "SUCCESS", "Parent PID: 10")
                .close(150, "cmd.exe", 20, CPP)
                .finish();
        SpawnRace race = only(r);
        assertEquals(RaceGrade.CONFIRMED, race.grade());

        InheritedHandle leak = Capture.of(r, InheritedHandle.class).get(0);
        assertEquals(20, leak.closer().pid());
        assertEquals(0, r.summary().unmatchedCloses());
    }

    @Test
    void spawnLoggedFirstWithTheSameTimestampIsSettledToo() {
        AnalysisResult r = new Capture()
                .event(100, "python.exe", 10, Event_UNKNOWN, "Process Create", CMD, "SUCCESS", "PID: 20, Command line: cmd.exe")
                .open(100, "python.exe", 10, Event_UNKNOWN, CPP, Capture.WRITE_EXCLUSIVE)
                .close(150, "cmd.exe", 20, CPP)
                .finish();
        assertEquals(1, r.count(FindingKind.INHERITED_HANDLE));
        assertEquals(RaceGrade.CONFIRMED, only(r).grade());
    }

    @Test
    void spawnLoggedFirstOnTheSameThreadCameFirst() {
        AnalysisResult r = new Capture()
                .event(100, "python.exe", 10, 1, "Process Create", CMD, "SUCCESS", "PID: 20, Command line: cmd.exe")
                .open(100.01, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .close(150, "cmd.exe", 20, CPP)
                .finish();
        assertEquals(0, r.count(FindingKind.INHERITED_HANDLE), "one thread logs in order: the child cannot have it");
        assertEquals(0, r.count(FindingKind.SPAWN_RACE));
        assertEquals(1, r.summary().unmatchedCloses());
    }

    @Test
    void spawnLoggedFirstWithoutLaterEvidenceIsNoRace() {
        AnalysisResult r = new Capture()
                .event(100, "python.exe", 10, 2, "Process Create", CMD, "SUCCESS", "PID: 20, Command line: cmd.exe")
                .open(100.01, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .finish();
        assertEquals(0, r.count(FindingKind.SPAWN_RACE));
    }

    @Test
    void withoutCloseFileEventsARaceIsAtMostInformational() {
        AnalysisResult r = new Capture()
                .open(0, "svchost.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(19, "svchost.exe", 10, 2, CMD, 20)
                .finish();
        SpawnRace race = only(r);
        assertEquals(RaceGrade.LIKELY, race.grade(), "graded as ever");
        assertEquals(false, race.openAtSpawnShown());
        assertEquals(Severity.INFO, race.severity(), "every object looks open forever: nothing shows it open then");
        assertTrue(race.reason().endsWith("nor settles the race"), race.reason());
    }

    private static final int Event_UNKNOWN = org.pmtriage.event.Event.UNKNOWN;
}
