package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;

/**
 * The processes of a log's own process table (PML, XML): each becomes a node when the events'
 * clock reaches its start or something needs it, and is retired after its exit as a process
 * learnt from events is, so that the pass holds the live processes of a long capture, not its
 * whole table.
 */
class ProcessTreeTableTest {

    private static final long SECOND = Timeline.TICKS_PER_SECOND;

    private final PathKeys keys = new PathKeys();
    private final RunningImages images = new RunningImages(keys);
    private final List<SpawnLink> spawns = new ArrayList<>();
    private final List<ProcessNode> retired = new ArrayList<>();
    private final ProcessTree tree = new ProcessTree(spawns::add, (node, time) -> retired.add(node), w -> { });
    private final List<ProcessInfo> table = new ArrayList<>();
    private long record;

    @Test
    void aTableProcessRunsItsImageFromItsStartEvenBeforeItsFirstEvent() {
        seed(info(1, 100, Event.UNKNOWN, "make.exe", 0, ProcessInfo.UNKNOWN_TIME),
                info(2, 200, 1, "cc.exe", 10 * SECOND, ProcessInfo.UNKNOWN_TIME));
        String cc = keys.key("C:\\tools\\cc.exe");

        tree.resolve(event(1, 1 * SECOND, "ReadFile"));
        assertEquals(List.of(), images.liveAt(cc, 1 * SECOND), "not started yet");
        tree.resolve(event(1, 11 * SECOND, "ReadFile"));
        List<ProcessNode> running = images.liveAt(cc, 11 * SECOND);
        assertEquals(1, running.size(), "started by the table, no event of its own yet");
        assertSame(running.get(0), tree.resolve(event(2, 12 * SECOND, "ReadFile")), "its events find that node");
    }

    @Test
    void anExitedTableProcessIsRetiredAndForgottenOnceNoChildOfItIsToCome() {
        seed(info(1, 100, Event.UNKNOWN, "make.exe", 0, 5 * SECOND),
                info(2, 200, 1, "cc.exe", 8 * SECOND, 9 * SECOND));
        ProcessNode make = tree.resolve(event(1, 1 * SECOND, "ReadFile"));
        tree.exited(event(1, 5 * SECOND, "Process Exit"), make);
        tree.resolve(event(1, 5 * SECOND + 1, "CloseFile"));
        assertEquals(List.of(), retired, "its rundown closes come within a second");

        tree.resolve(event(1, 7 * SECOND, "CloseFile"));
        assertEquals(List.of(make), retired);
        ProcessNode cc = tree.resolve(event(2, 8 * SECOND, "ReadFile"));
        assertEquals(1, spawns.size());
        assertSame(make, spawns.get(0).parent(), "the retired parent was kept for its child to come");
        assertSame(cc, spawns.get(0).child());
        assertNotSame(make, tree.resolve(event(1, 8 * SECOND, "ReadFile")),
                "with no child left to come, its index no longer finds it");
    }

    @Test
    void aRetiredTableProcessIsCountedAtTheEndOnlyWhileLastOfItsPid() {
        seed(info(1, 100, Event.UNKNOWN, "python.exe", 0, 5 * SECOND),
                info(2, 100, Event.UNKNOWN, "python.exe", 20 * SECOND, ProcessInfo.UNKNOWN_TIME),
                info(3, 300, Event.UNKNOWN, "make.exe", 0, ProcessInfo.UNKNOWN_TIME));
        ProcessNode first = tree.resolve(event(1, 1 * SECOND, "ReadFile"));
        tree.exited(event(1, 5 * SECOND, "Process Exit"), first);
        ProcessNode make = tree.resolve(event(3, 7 * SECOND, "ReadFile"));

        assertEquals(List.of(first), retired);
        assertEquals(List.of(first, make), tree.tallyAtEnd(), "a runtime the table names, counted at the end");
        ProcessNode second = tree.resolve(event(2, 21 * SECOND, "ReadFile"));
        assertEquals(List.of(make, second), tree.tallyAtEnd(), "a later process of its PID replaced it");
    }

    private static ProcessInfo info(int index, int pid, int parentIndex, String name, long start, long end) {
        String image = name.startsWith("python") ? "C:\\Python27\\" + name : "C:\\tools\\" + name;
        return new ProcessInfo(index, pid, Event.UNKNOWN, parentIndex, name, image, image, start, end);
    }

    private void seed(ProcessInfo... processes) {
        table.addAll(List.of(processes));
        tree.seed(table, images);
    }

    /** An event of the table process with this index, with its PID and name as the reader gives them. */
    private Event event(int index, long time, String operation) {
        ProcessInfo p = table.stream().filter(i -> i.processIndex() == index).findFirst().orElseThrow();
        return new Event(++record, time, p.name(), p.pid(), 1, operation, Operation.of(operation), "C:\\f.txt",
                "SUCCESS", operation.equals("Process Exit") ? "Exit Status: 0" : "", Event.UNKNOWN, "", "", index);
    }
}
