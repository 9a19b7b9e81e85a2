package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.Timeline;

/**
 * Hostile captures against the analysis limits: each limit, when hit, gives one warning and keeps
 * what the pass holds bounded instead of growing with the input (and no step grows with the
 * square of it). Synthetic events at full scale: millions of them.
 */
class AnalyzerLimitsTest {

    private static final String WRITE = "Desired Access: Generic Write, ShareMode: None, OpenResult: Created";

    private final List<String> warnings = new ArrayList<>();
    private final Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, warnings::add);
    private long record;

    @Test
    void millionsOfOpensNeverClosedStopAtTheCap() {
        int extra = 1000;
        // process events and a CloseFile: the capture supports listing the objects open at the end
        event(0, "leaky.exe", 100, "Process Start", "", "SUCCESS", "Parent PID: 4");
        open(0, "leaky.exe", 100, "c:\\closed.log");
        event(0, "leaky.exe", 100, "CloseFile", "c:\\closed.log", "SUCCESS", "");
        for (int i = 0; i < HandleTracker.MAX_OPEN_PER_PATH + 5; i++) {
            open(1, "leaky.exe", 100, "c:\\hot\\same.log");
        }
        for (int i = 0; i < HandleTracker.MAX_OPEN_OBJECTS + extra; i++) {
            open(2, "leaky.exe", 100, "c:\\f\\" + i);
        }
        event(3, "victim.exe", 200, "CreateFile", "c:\\hot\\same.log", "SHARING VIOLATION",
                "Desired Access: Generic Read, ShareMode: Read");
        AnalysisResult result = analyzer.finish(0);

        assertEquals(List.of(
                "more than 10000 file objects open at once on one path (c:\\hot\\same.log): forgetting the oldest ones",
                "more than 2000000 file objects open at once: later opens are not tracked, so findings about them"
                        + " may be missing"), warnings);
        assertEquals(HandleTracker.MAX_OPEN_OBJECTS, result.count(FindingKind.OPEN_AT_END), "open objects kept");
        assertEquals(FindingCounts.MAX_LISTED, Capture.of(result, OpenAtEnd.class).size(), "findings listed");
        SharingViolation violation = Capture.of(result, SharingViolation.class).get(0);
        assertEquals(HandleTracker.MAX_HOLDERS, violation.holders().size(), "holders named for one refused open");
    }

    @Test
    void processChainAMillionDeepHoldingAnInheritedHandle() {
        int depth = ProcessTree.MAX_PROCESSES - 10;
        open(0, "p1.exe", 1, "c:\\build\\out.log");
        for (int pid = 1; pid <= depth; pid++) {
            spawn(1, pid, pid + 1);
        }
        event(2, "p" + (depth + 1) + ".exe", depth + 1, "CloseFile", "c:\\build\\out.log", "SUCCESS", "");
        AnalysisResult result = analyzer.finish(0);

        assertEquals(List.of(), warnings);
        InheritedHandle leak = Capture.of(result, InheritedHandle.class).get(0);
        assertEquals(depth, leak.chain().size(), "the chain from the opener down to the closer");
        assertEquals(1, leak.chain().get(0).parent().pid());
        assertEquals(depth + 1, leak.chain().get(depth - 1).child().pid());
    }

    @Test
    void processChainPastTheCapIsForgottenNotKept() {
        ProcessTree tree = new ProcessTree(link -> { }, (node, time) -> { }, warnings::add);
        int depth = ProcessTree.MAX_PROCESSES + 1000;
        ProcessNode root = tree.resolve(basic(0, "p1.exe", 1, "Process Start", "", "Parent PID: 0"));
        List<ProcessNode> chain = new ArrayList<>(List.of(root));
        for (int pid = 1; pid <= depth; pid++) {
            Event create = basic(1, "p" + pid + ".exe", pid, "Process Create", "C:\\p" + (pid + 1) + ".exe",
                    "PID: " + (pid + 1) + ", Command line: p" + (pid + 1) + ".exe");
            tree.created(create, tree.resolve(create), create.path());
            Event start = basic(1, "p" + (pid + 1) + ".exe", pid + 1, "Process Start", "", "Parent PID: " + pid);
            ProcessNode child = tree.resolve(start);
            tree.started(start, child);
            chain.add(child);
        }

        assertEquals(List.of("more than 1048576 processes at once: forgetting exited ones, or all when few exited,"
                + " so later links to them are missing"), warnings);
        assertEquals(depth + 1, tree.instances());
        assertEquals(List.of(), chain.stream().filter(n -> n.parent != null).toList(),
                "no process keeps its parent once linked, so no ancestor is kept alive through the chain");
        assertNotSame(root, tree.resolve(basic(2, "p1.exe", 1, "ReadFile", "", "")),
                "the first process of the chain is no longer mapped: a later event of its PID begins a new one");
    }

    @Test
    void processesExitingAllAtOneTimeAreNotKept() {
        ProcessTree tree = new ProcessTree(link -> { }, (node, time) -> { }, warnings::add);
        int processes = ProcessTree.MAX_PROCESSES + 1000;
        ProcessNode first = null;
        for (int pid = 1; pid <= processes; pid++) {
            Event start = basic(5, "p.exe", pid, "Process Start", "", "Parent PID: 0");
            ProcessNode node = tree.resolve(start);
            tree.started(start, node);
            for (int i = 0; i < 3; i++) {
                tree.exited(basic(5, "p.exe", pid, "Process Exit", "", "Exit Status: 0"), node);
            }
            if (first == null) {
                first = node;
            }
        }

        assertEquals(1, warnings.size(), warnings.toString());
        assertNotSame(first, tree.resolve(basic(5, "p.exe", 1, "ReadFile", "", "")),
                "an exited process is no longer mapped when time does not move on: its PID begins a new one");
    }

    @Test
    void readsOnAPathWithManyInheritedObjectsDoNotScanEveryInheritance() {
        int objects = 1000;
        for (int i = 0; i < objects; i++) {
            open(0, "make.exe", 1, "c:\\obj\\shared.log");
        }
        int children = HandleTracker.MAX_INHERITANCES / objects;
        for (int c = 0; c < children; c++) {
            spawnOnly(1000, 1, "make.exe", 10 + c);
        }
        for (int i = 0; i < 200_000; i++) {
            event(2000, "other.exe", 5, "ReadFile", "c:\\obj\\shared.log", "SUCCESS", "Offset: 0, Length: 1");
        }
        event(2000, "cc.exe", 10 + children - 1, "CloseFile", "c:\\obj\\shared.log", "SUCCESS", "");
        AnalysisResult result = analyzer.finish(0);

        assertEquals(List.of(), warnings);
        assertEquals(1, Capture.of(result, InheritedHandle.class).size(), "the last child closed one object");
        assertEquals(objects - 1, result.count(FindingKind.OPEN_AT_END));
    }

    @Test
    void inheritancesStopAtTheCap() {
        int files = 100_000;
        for (int i = 0; i < files; i++) {
            open(0, "make.exe", 1, "c:\\obj\\" + i);
        }
        int children = HandleTracker.MAX_INHERITANCES / files + 5;
        for (int c = 0; c < children; c++) {
            spawnOnly(1000, 1, "make.exe", 10 + c);
        }
        event(2000, "cc.exe", 10, "CloseFile", "c:\\obj\\1", "SUCCESS", "");
        event(2000, "cc.exe", 10 + children - 1, "CloseFile", "c:\\obj\\2", "SUCCESS", "");
        AnalysisResult result = analyzer.finish(0);

        assertEquals(List.of("more than 4000000 inherited handles at once: later spawns are taken to inherit nothing,"
                + " so findings about them may be missing"), warnings);
        assertEquals(1, Capture.of(result, InheritedHandle.class).size(), "only the child spawned before the cap");
        assertEquals(1, result.summary().unmatchedCloses(), "the child spawned after the cap holds nothing");
    }

    private void open(double ms, String process, int pid, String path) {
        event(ms, process, pid, "CreateFile", path, "SUCCESS", WRITE);
    }

    private void spawn(double ms, int parent, int child) {
        spawnOnly(ms, parent, "p" + parent + ".exe", child);
        event(ms, "p" + child + ".exe", child, "Process Start", "", "SUCCESS", "Parent PID: " + parent);
    }

    private void spawnOnly(double ms, int parent, String parentName, int child) {
        event(ms, parentName, parent, "Process Create", "C:\\bin\\cc.exe", "SUCCESS",
                "PID: " + child + ", Command line: cc.exe");
    }

    private void event(double ms, String process, int pid, String op, String path, String result, String detail) {
        analyzer.accept(new Event(++record, Math.round(ms * Timeline.TICKS_PER_MILLI), process, pid, 1, op,
                Operation.of(op), path, result, detail, Event.UNKNOWN, "", "", Event.UNKNOWN));
    }

    private Event basic(double ms, String process, int pid, String op, String path, String detail) {
        return Event.basic(++record, Math.round(ms * Timeline.TICKS_PER_MILLI), process, pid, op, path, "SUCCESS",
                detail);
    }
}
