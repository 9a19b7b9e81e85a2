package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.Operation;
import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;

/** Stacks are kept for what a finding may cite, dropped when nothing can cite them, and bounded in bytes. */
class StackKeeperTest {

    private final ProcessNode python = new ProcessNode(4312, "python.exe", "");

    private static Stack stack(long... addresses) {
        List<StackFrame> frames = new ArrayList<>();
        for (long a : addresses) {
            frames.add(new StackFrame(a));
        }
        return new Stack(frames);
    }

    private static Event open(long record) {
        return new Event(record, record * 10, "python.exe", 4312, 1204, "CreateFile", Operation.CREATE_FILE,
                "C:\\build\\f" + record + ".cpp", "SUCCESS", "", Event.UNKNOWN, "", "", Event.UNKNOWN,
                ExportColumns.NONE, stack(0x10, 0x20, 0x30));
    }

    private FileObject opened(StackKeeper keeper, long record) {
        Event e = open(record);
        keeper.opened(e, python);
        return new FileObject(e, e.path().toLowerCase(), python, new OpenDetails().of(e.detail()));
    }

    @Test
    void anObjectItsOpenerClosedLosesItsStackOneClosedByAnotherKeepsIt() {
        StackKeeper keeper = new StackKeeper();
        FileObject own = opened(keeper, 1);
        FileObject leaked = opened(keeper, 2);
        keeper.released(own);
        keeper.closedByOther(leaked, open(3), List.of(), InheritedHandle.Evidence.SPAWNS);
        keeper.released(leaked);

        var decoded = keeper.decode(Set.of(1L, 2L), ModuleMap.EMPTY);
        assertEquals(Set.of(2L), decoded.keySet());
        assertEquals(1204, decoded.get(2L).tid());
        assertEquals(3, decoded.get(2L).frames().size());
    }

    @Test
    void stacksPastTheBudgetAreCountedNotKeptAndAReleaseMakesRoom() {
        StackKeeper keeper = new StackKeeper(2 * open(1).stack().bytes());
        FileObject first = opened(keeper, 1);
        opened(keeper, 2);
        opened(keeper, 3);
        assertEquals(1, keeper.notKept());
        assertEquals(Set.of(1L, 2L), keeper.decode(Set.of(1L, 2L, 3L), ModuleMap.EMPTY).keySet());

        keeper.released(first);
        opened(keeper, 4);
        assertEquals(1, keeper.notKept());
        assertEquals(Set.of(2L, 4L), keeper.decode(Set.of(1L, 2L, 3L, 4L), ModuleMap.EMPTY).keySet());
    }

    private static Event spawn(long record) {
        return new Event(record, record * 10, "python.exe", 4312, 1204, "Process Create", Operation.PROCESS_CREATE,
                "C:\\Windows\\System32\\cmd.exe", "SUCCESS", "PID: 5120", Event.UNKNOWN, "", "", Event.UNKNOWN,
                ExportColumns.NONE, stack(0x40, 0x50));
    }

    /** Spawns a child of {@code parent} by the Process Create of {@code record}; @return its link */
    private static SpawnLink spawned(StackKeeper keeper, ProcessNode parent, long record) {
        Event e = spawn(record);
        keeper.spawning(e, parent);
        SpawnLink link = new SpawnLink(parent, new ProcessNode(5120, "cmd.exe", ""), e.time(), record, e.tid(),
                e.path(), true);
        keeper.linked(link);
        return link;
    }

    @Test
    void aSpawnsStackGoesWithAChildThatPassedNothingOnUnlessARaceCitedIt() {
        StackKeeper keeper = new StackKeeper();
        FileObject open = opened(keeper, 1);
        python.own(open);
        SpawnLink quiet = spawned(keeper, python, 2);
        SpawnLink racing = spawned(keeper, python, 3);
        keeper.raced(open, racing, false);
        keeper.retired(quiet.child());
        keeper.retired(racing.child());
        assertEquals(Set.of(1L, 3L), keeper.decode(Set.of(1L, 2L, 3L), ModuleMap.EMPTY).keySet());
    }

    @Test
    void aSpawnByAProcessHoldingNothingKeepsNoStack() {
        StackKeeper keeper = new StackKeeper();
        ProcessNode idle = new ProcessNode(2000, "make.exe", "");
        spawned(keeper, idle, 5);
        assertEquals(Set.of(), keeper.decode(Set.of(5L), ModuleMap.EMPTY).keySet());
    }
}
