package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CaptureHealthTest {

    private static List<String> ids(AnalysisResult r) {
        return r.summary().health().stream().map(HealthNote::id).toList();
    }

    @Test
    void completeCaptureHasNoNote() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, "C:\\a", Capture.WRITE)
                .spawn(100, "python.exe", 10, 2, "C:\\Windows\\System32\\cmd.exe", 20)
                .close(200, "python.exe", 10, "C:\\a")
                .finish();
        assertEquals(List.of(), ids(r));
    }

    @Test
    void withoutCloseEventsNothingOpenAtTheEndIsListed() {
        AnalysisResult r = new Capture()
                .open(0, "svchost.exe", 10, 1, "C:\\log\\a.log", Capture.WRITE)
                .spawn(10, "svchost.exe", 10, 2, "C:\\Windows\\System32\\wscntfy.exe", 20)
                .open(20, "svchost.exe", 10, 1, "C:\\log\\b.log", Capture.WRITE)
                .finish();
        assertEquals(List.of(CaptureHealth.NO_CLOSE_EVENTS), ids(r));
        assertEquals(2, r.count(FindingKind.OPEN_AT_END), "counted");
        assertEquals(List.of(), Capture.of(r, OpenAtEnd.class), "not listed");
        SpawnRace race = Capture.of(r, SpawnRace.class).get(0);
        assertEquals(RaceGrade.LIKELY, race.grade());
    }

    @Test
    void capturesWithoutProcessEventsOrThreadsSayWhatTheyLack() {
        AnalysisResult r = new Capture()
                .withParent(0, "python.exe", 10, 1, "CreateFile", "C:\\a", Capture.WRITE)
                .withParent(1, "cmd.exe", 20, 10, "CloseFile", "C:\\a", "")
                .finish();
        assertEquals(List.of(CaptureHealth.NO_PROCESS_EVENTS, CaptureHealth.NO_TIDS), ids(r));
    }

    @Test
    void childThatNeverShowsAnEventRevealsAProcessFilter() {
        AnalysisResult r = new Capture()
                .event(0, "malware.exe", 976, 1, "Process Start", "", "SUCCESS", "Parent PID: 1388")
                .event(1, "malware.exe", 976, 1, "Process Create", "C:\\Temp\\RarSFX0\\rinst.exe", "SUCCESS",
                        "PID: 1744, Command line: rinst.exe")
                .open(7000, "malware.exe", 976, 1, "C:\\a", Capture.WRITE)
                .close(7001, "malware.exe", 976, "C:\\a")
                .finish();
        assertEquals(List.of(CaptureHealth.FILTERED), ids(r));
        assertTrue(r.summary().health().get(0).text().startsWith("rinst.exe (1744), created by malware.exe at"),
                r.summary().health().get(0).text());
    }

    @Test
    void reusedPidsAreToldApart() {
        AnalysisResult r = new Capture()
                .spawn(0, "python.exe", 10, 1, "C:\\bin\\cl.exe", 6000)
                .open(1, "cl.exe", 6000, 1, "C:\\a.obj", Capture.WRITE)
                .close(1.5, "cl.exe", 6000, "C:\\a.obj")
                .exit(2, "cl.exe", 6000)
                .spawn(3000, "python.exe", 10, 1, "C:\\bin\\cl.exe", 6000)
                .open(3001, "cl.exe", 6000, 1, "C:\\b.obj", Capture.WRITE)
                .finish();
        OpenAtEnd open = Capture.of(r, OpenAtEnd.class).get(0);
        assertEquals("cl.exe (6000, 2nd)", open.open().opener().toString());
        assertEquals(2, open.open().opener().instance());
    }
}
