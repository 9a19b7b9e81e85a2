package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Verdicts per hop of an inheritance chain, and severity by harm. */
class InheritedHandleVerdictsTest {

    private static final String LOG = "C:\\build\\link.log";
    private static final String READ_SHARED = "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO"
            + " Non-Alert, Non-Directory File, Attributes: n/a, ShareMode: Read, Write, AllocationSize: n/a, OpenResult: Opened";

    private static InheritedHandle only(AnalysisResult r) {
        List<InheritedHandle> found = Capture.of(r, InheritedHandle.class);
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }

    private static Capture leakOf(String path, String detail) {
        return new Capture()
                .open(0, "python.exe", 10, 1, path, detail)
                .spawn(100, "python.exe", 10, 2, "C:\\Windows\\System32\\cmd.exe", 20)
                .close(200, "cmd.exe", 20, path);
    }

    @Test
    void leakSeverityFollowsHarm() {
        InheritedHandle written = only(leakOf("C:\\gen\\a.cpp", Capture.WRITE).finish());
        assertEquals(InheritedHandle.Verdict.LEAKED, written.verdict());
        assertEquals(Severity.ERROR, written.severity());
        assertTrue(written.reason().contains("it was opened for writing"), written.reason());

        InheritedHandle permissive = only(leakOf("C:\\src\\a.h", READ_SHARED).finish());
        assertEquals(Severity.WARNING, permissive.severity());
        assertTrue(permissive.reason().contains("read-only with share Read, Write"), permissive.reason());

        InheritedHandle folder = only(leakOf("C:\\build", Capture.DIRECTORY).finish());
        assertEquals(Severity.WARNING, folder.severity());

        InheritedHandle unknown = only(leakOf("C:\\src\\b.h", "").finish());
        assertEquals(Severity.ERROR, unknown.severity(), "nothing shows a copy with unknown access harmless");
    }

    @Test
    void permissiveLeakThatCausedAViolationIsAnError() {
        AnalysisResult r = new Capture()
                .open(0, "python.exe", 10, 1, "C:\\src\\a.h", READ_SHARED)
                .spawn(100, "python.exe", 10, 2, "C:\\Windows\\System32\\cmd.exe", 20)
                .exit(150, "python.exe", 10)
                .event(160, "del.exe", 30, 1, "CreateFile", "C:\\src\\a.h", "SHARING VIOLATION",
                        "Desired Access: Delete, Disposition: Open, ShareMode: Read, Write, Delete")
                .close(200, "cmd.exe", 20, "C:\\src\\a.h")
                .finish();
        assertEquals(Severity.ERROR, only(r).severity());
        assertTrue(only(r).reason().contains("it caused a sharing violation"), only(r).reason());
    }

    @Test
    void redirectUsedByTheCloserIsHandedOver() {
        AnalysisResult r = new Capture()
                .open(0, "cmd.exe", 20, 1, LOG, Capture.WRITE)
                .spawn(0.5, "cmd.exe", 20, 1, "C:\\bin\\link.exe", 30)
                .write(10, "link.exe", 30, LOG)
                .exit(11, "cmd.exe", 20)
                .close(20, "link.exe", 30, LOG)
                .finish();
        assertEquals(InheritedHandle.Verdict.HANDED_OVER, only(r).verdict());
        assertEquals(Severity.INFO, only(r).severity());
    }

    @Test
    void copyIntoAServerThatOutlivesTheStepLeaksAfterTheHandOver() {
        AnalysisResult r = new Capture()
                .open(0, "cmd.exe", 20, 1, LOG, Capture.WRITE)
                .spawn(0.5, "cmd.exe", 20, 1, "C:\\bin\\link.exe", 30)
                .write(10, "link.exe", 30, LOG)
                .spawn(20, "link.exe", 30, 4, "C:\\bin\\mspdbsrv.exe", 40)
                .exit(500, "link.exe", 30)
                .exit(501, "cmd.exe", 20)
                .close(120_000, "mspdbsrv.exe", 40, LOG)
                .finish();
        InheritedHandle h = only(r);
        assertEquals(InheritedHandle.Verdict.LEAKED_AFTER_HAND_OVER, h.verdict());
        assertEquals(Severity.ERROR, h.severity());
        assertEquals(List.of(30), h.usedBy().stream().map(ProcessRef::pid).toList());
        assertTrue(h.reason().startsWith("handed over to link.exe (30), which used it, then copied on into"
                + " mspdbsrv.exe (40), which never did and kept it open 119500.0 ms after link.exe (30) exited"),
                h.reason());
    }

    @Test
    void onwardCopyReleasedWithinTheStepIsAWarning() {
        AnalysisResult r = new Capture()
                .open(0, "cmd.exe", 20, 1, LOG, Capture.WRITE)
                .spawn(0.5, "cmd.exe", 20, 1, "C:\\bin\\link.exe", 30)
                .write(10, "link.exe", 30, LOG)
                .spawn(20, "link.exe", 30, 4, "C:\\bin\\mspdbsrv.exe", 40)
                .exit(21, "cmd.exe", 20)
                .close(100, "mspdbsrv.exe", 40, LOG)
                .exit(500, "link.exe", 30)
                .finish();
        assertEquals(InheritedHandle.Verdict.LEAKED_AFTER_HAND_OVER, only(r).verdict());
        assertEquals(Severity.WARNING, only(r).severity());
    }

    @Test
    void parentPidColumnLinksTheCloserWhenProcessEventsWereFiltered() {
        String cpp = "C:\\gen\\a.cpp";
        AnalysisResult r = new Capture()
                .withParent(0, "python.exe", 10, 1, "CreateFile", cpp, Capture.WRITE_EXCLUSIVE)
                .withParent(50, "cmd.exe", 20, 10, "ReadFile", "C:\\other", "")
                .withParent(60, "cl.exe", 30, 20, "ReadFile", "C:\\other2", "")
                .withParent(90, "cl.exe", 30, 20, "CloseFile", cpp, "")
                .finish();
        InheritedHandle h = only(r);
        assertEquals(InheritedHandle.Evidence.PARENT_PID, h.evidence());
        assertEquals(Severity.WARNING, h.severity(), "possible: never above a warning");
        assertEquals(List.of("python.exe>cmd.exe", "cmd.exe>cl.exe"),
                h.chain().stream().map(s -> s.parent().name() + ">" + s.child().name()).toList());
        assertTrue(h.reason().startsWith("possible: nobody along the chain used it"), h.reason());
        assertTrue(h.reason().contains("only the Parent PID column links cl.exe (30) to python.exe (10)"), h.reason());
        assertEquals(0, r.summary().unmatchedCloses());
    }

    @Test
    void parentPidColumnCannotLinkAnObjectOpenedAfterTheChildAppeared() {
        String cpp = "C:\\gen\\a.cpp";
        AnalysisResult r = new Capture()
                .withParent(50, "cmd.exe", 20, 10, "ReadFile", "C:\\other", "")
                .withParent(60, "python.exe", 10, 1, "CreateFile", cpp, Capture.WRITE_EXCLUSIVE)
                .withParent(90, "cmd.exe", 20, 10, "CloseFile", cpp, "")
                .finish();
        assertEquals(0, r.count(FindingKind.INHERITED_HANDLE));
        assertEquals(1, r.summary().unmatchedCloses());
    }
}
