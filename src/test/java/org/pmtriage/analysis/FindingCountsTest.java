package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Informational findings are kept up to a cap per kind and counted beyond; others are not capped by it. */
class FindingCountsTest {

    @Test
    void informationalHandOversAndRacesPastTheCapAreCountedNotKept() {
        int jobs = FindingCounts.MAX_LISTED_INFO + 5;
        Capture build = new Capture();
        for (int i = 0; i < jobs; i++) {
            String log = "C:\\build\\logs\\job" + i + ".log";
            int cmd = 10_000 + 8 * i;
            build.open(i * 10.0, "cmd.exe", cmd, 1, log, Capture.WRITE)
                    .spawn(i * 10.0 + 0.5, "cmd.exe", cmd, 1, "C:\\bin\\tool.exe", cmd + 4)
                    .write(i * 10.0 + 1, "tool.exe", cmd + 4, log)
                    .exit(i * 10.0 + 2, "tool.exe", cmd + 4)
                    .close(i * 10.0 + 3, "cmd.exe", cmd, log)
                    .open(i * 10.0 + 4, "cmd.exe", cmd, 1, log + ".2", Capture.WRITE)
                    .spawn(i * 10.0 + 4.5, "cmd.exe", cmd, 1, "C:\\bin\\tool.exe", cmd + 6)
                    .write(i * 10.0 + 5, "tool.exe", cmd + 6, log + ".2")
                    .exit(i * 10.0 + 5.5, "cmd.exe", cmd)
                    .close(i * 10.0 + 6, "tool.exe", cmd + 6, log + ".2");
        }
        AnalysisResult r = build.finish();
        assertEquals(jobs, r.count(FindingKind.INHERITED_HANDLE), "every hand-over counted");
        assertEquals(FindingCounts.MAX_LISTED_INFO, Capture.of(r, InheritedHandle.class).size(), "kept up to the cap");
        assertEquals(2L * jobs, r.count(FindingKind.SPAWN_RACE));
        assertEquals((long) 2 * jobs, r.raceGrades().get("intended"));
        assertEquals(FindingCounts.MAX_LISTED_INFO, Capture.of(r, SpawnRace.class).size());
    }

    @Test
    void warningsAndErrorsAreNotHeldToTheInformationalCap() {
        FindingCounts counts = new FindingCounts();
        for (int i = 0; i < FindingCounts.MAX_LISTED_INFO; i++) {
            counts.count(FindingKind.SPAWN_RACE, Severity.INFO);
        }
        assertEquals(false, counts.count(FindingKind.SPAWN_RACE, Severity.INFO));
        assertEquals(true, counts.count(FindingKind.SPAWN_RACE, Severity.WARNING));
        assertEquals(true, counts.count(FindingKind.SPAWN_RACE, Severity.ERROR));
        assertEquals(FindingCounts.MAX_LISTED_INFO + 3L, counts.all().get(FindingKind.SPAWN_RACE));
    }
}
