package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Only holders that could hold the file explain a sharing violation; otherwise the real cause, or none. */
class SharingViolationHoldersTest {

    private static final String CPP = "C:\\build\\gen\\parser_tab.cpp";
    private static final String SCANNER_READ = "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO"
            + " Non-Alert, Non-Directory File, Attributes: n/a, ShareMode: Read, Write, AllocationSize: n/a, OpenResult: Opened";

    private static SharingViolation only(AnalysisResult r) {
        List<SharingViolation> found = Capture.of(r, SharingViolation.class);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    @Test
    void openerThatExitedWithNoDescendantHoldsNothing() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .exit(10, "python.exe", 10)
                .refused(300, "cl.exe", 30, CPP)
                .finish();
        SharingViolation v = only(r);
        assertEquals(List.of(), v.holders());
        assertEquals(SharingViolation.Cause.UNEXPLAINED, v.cause());
        assertFalse(v.explained());
        assertEquals(0, r.count(FindingKind.OPEN_AT_END), "closed when its opener exited");
    }

    @Test
    void exitedOpenerWithALiveCarrierHoldsThroughIt() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, "C:\\Windows\\System32\\cmd.exe", 20)
                .exit(10, "python.exe", 10)
                .refused(300, "cl.exe", 30, CPP)
                .finish();
        SharingViolation v = only(r);
        assertEquals(SharingViolation.Cause.HELD, v.cause());
        SharingViolation.Holder h = v.holders().get(0);
        assertFalse(h.openerAlive());
        assertEquals(List.of(20), h.inheritedBy().stream().map(s -> s.child().pid()).toList());
        assertTrue(v.reason().startsWith("cmd.exe (20), which inherited it from python.exe (10) (exited), held it"),
                v.reason());
    }

    @Test
    void scannerWhoseShareModeAllowsTheRequestDoesNotExplainIt() {
        AnalysisResult r = new Capture()
                .open(0, "MsMpEng.exe", 4000, 1, CPP, SCANNER_READ)
                .refused(5, "python.exe", 10, CPP, Capture.WRITE_REFUSED)
                .finish();
        SharingViolation v = only(r);
        assertEquals(SharingViolation.Cause.UNEXPLAINED, v.cause());
        assertEquals(1, v.holders().size());
        assertFalse(v.holders().get(0).conflicts());
        assertTrue(v.reason().startsWith("every live holder's share mode allows the request"), v.reason());
    }

    @Test
    void scannerWhoseShareModeConflictsExplainsIt() {
        AnalysisResult r = new Capture()
                .open(0, "MsMpEng.exe", 4000, 1, CPP, SCANNER_READ)
                .refused(5, "del.exe", 10, CPP, "Desired Access: Delete, Disposition: Open, ShareMode: Read, Write, Delete")
                .finish();
        assertEquals(SharingViolation.Cause.HELD, only(r).cause());
        assertTrue(only(r).explained());
    }

    @Test
    void fileRunByALiveProcessIsTheRunningImage() {
        String exe = "C:\\build\\out\\app.exe";
        AnalysisResult r = new Capture()
                .spawn(0, "ctest.exe", 5, 1, exe, 50)
                .refused(100, "link.exe", 60, exe, Capture.WRITE_REFUSED)
                .exit(200, "app.exe", 50)
                .refused(300, "link.exe", 60, exe, Capture.WRITE_REFUSED)
                .finish();
        List<SharingViolation> found = Capture.of(r, SharingViolation.class);
        assertEquals(SharingViolation.Cause.RUNNING_IMAGE, found.get(0).cause());
        assertEquals(List.of(50), found.get(0).imageOf().stream().map(ProcessRef::pid).toList());
        assertTrue(found.get(0).reason().startsWith("the file is the image or a loaded module of app.exe (50)"));
        assertEquals(SharingViolation.Cause.UNEXPLAINED, found.get(1).cause(), "app.exe had exited");
    }

    @Test
    void loadedModuleOfALiveProcessIsARunningImage() {
        String dll = "C:\\build\\out\\core.dll";
        AnalysisResult r = new Capture()
                .event(0, "test.exe", 50, 1, "Load Image", dll, "SUCCESS", "Image Base: 0x7ff795e70000, Image Size: 0x41000")
                .refused(100, "link.exe", 60, dll, Capture.WRITE_REFUSED)
                .finish();
        assertEquals(SharingViolation.Cause.RUNNING_IMAGE, only(r).cause());
    }

    @Test
    void shortNameAndPrefixedSpellingsFindTheHolder() {
        String longPath = "C:\\Users\\runneradmin\\AppData\\Local\\Temp\\b\\x.obj";
        AnalysisResult r = new Capture()
                .event(0, "cl.exe", 10, 1, "Process Start", "", "SUCCESS",
                        "Parent PID: 4, Command line: cl.exe, Current directory: C:\\Users\\runneradmin\\AppData\\Local\\Temp\\b\\")
                .open(1, "cl.exe", 10, 1, "C:\\Users\\RUNNER~1\\AppData\\Local\\Temp\\b\\x.obj", Capture.WRITE_EXCLUSIVE)
                .refused(2, "link.exe", 20, "\\\\?\\" + longPath)
                .finish();
        SharingViolation v = only(r);
        assertEquals(SharingViolation.Cause.HELD, v.cause());
        assertEquals("C:\\Users\\RUNNER~1\\AppData\\Local\\Temp\\b\\x.obj", v.holders().get(0).openedAs());
    }

    @Test
    void devicePathMapsToItsDriveOnceTheLogShowsBothForms() {
        AnalysisResult r = new Capture()
                .open(0, "a.exe", 10, 1, "\\Device\\HarddiskVolume3\\build\\one.txt", Capture.READ)
                .close(1, "a.exe", 10, "C:\\build\\one.txt")
                .open(2, "a.exe", 10, 1, "\\Device\\HarddiskVolume3\\build\\two.txt", Capture.WRITE_EXCLUSIVE)
                .refused(3, "b.exe", 20, "C:\\build\\two.txt")
                .finish();
        assertEquals(SharingViolation.Cause.HELD, only(r).cause());
    }

    @Test
    void anotherStreamIsAnotherObject() {
        AnalysisResult r = new Capture()
                .open(0, "a.exe", 10, 1, CPP + ":Zone.Identifier", Capture.WRITE_EXCLUSIVE)
                .refused(1, "b.exe", 20, CPP)
                .finish();
        assertEquals(List.of(), only(r).holders());
    }

    @Test
    void victimInTheInheritanceChainIsMarked() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, CPP, Capture.WRITE_EXCLUSIVE)
                .spawn(5, "python.exe", 10, 2, "C:\\Windows\\System32\\cmd.exe", 20)
                .spawn(6, "cmd.exe", 20, 2, "C:\\bin\\cl.exe", 30)
                .refused(7, "cl.exe", 30, CPP)
                .finish();
        SharingViolation v = only(r);
        assertEquals(v.victim(), v.holders().get(0).inheritedBy().get(1).child());
    }
}
