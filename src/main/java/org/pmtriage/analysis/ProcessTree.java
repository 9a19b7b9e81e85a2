package org.pmtriage.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessDetail;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;

/**
 * The processes of a capture, rebuilt from Process Create (in the parent), Process Start (in the
 * child), Process Exit, the Parent PID column and, where the log has one, its process table.
 * PIDs are reused within a capture, so a process is a PID plus its lifetime: a PID whose process
 * exited, started again, or shows another name, begins a new process.
 *
 * <p>Exited processes stay reachable only through open file objects and findings, and in the PID
 * map for a second after their exit; at most {@link #MAX_PROCESSES} are mapped at once. A process of
 * the log's table becomes a node when the events' clock reaches its start time, or earlier when an
 * event, a Process Create or a child needs it; it is retired as any other, but stays findable by
 * its index while a child of it in the table has no node yet.
 */
final class ProcessTree {

    /** More mapped processes than this means a hostile or broken log; the oldest are forgotten. */
    static final int MAX_PROCESSES = 1 << 20;

    private static final String EXIT_STATUS = "Exit Status: ";

    private final LongMap<ProcessNode> byPid = new LongMap<>();
    private final LongMap<ProcessNode> byIndex = new LongMap<>();
    /** The log's process table, as far as its processes have no node yet. */
    private TableProcesses table = new TableProcesses(List.of());
    /**
     * Retired table processes still the last of their PID, whose runtime is counted at the end
     * (as when they stayed mapped); only those whose runtime is known.
     */
    private final LongMap<ProcessNode> lastRetiredByPid = new LongMap<>();
    private RunningImages images;
    /** Exited processes in exit order, unmapped a second after their exit. */
    private final ArrayDeque<ProcessNode> exitedInOrder = new ArrayDeque<>();
    /** Processes counted per PID so far: one element, counted up in place. */
    private final LongMap<int[]> instancesByPid = new LongMap<>();
    private final Consumer<SpawnLink> onSpawn;
    private final BiConsumer<ProcessNode, Long> onRetire;
    private final Consumer<String> warnings;
    private long instances;
    private boolean capWarned;

    /**
     * @param onSpawn  told of each spawn once both ends are known
     * @param onRetire told of each exited process a second after its exit (with the time it is
     *                 told), when its rundown closes have been logged
     * @param warnings receives one-line warnings (limits reached)
     */
    ProcessTree(Consumer<SpawnLink> onSpawn, BiConsumer<ProcessNode, Long> onRetire, Consumer<String> warnings) {
        this.onSpawn = onSpawn;
        this.onRetire = onRetire;
        this.warnings = warnings;
    }

    /**
     * Takes the log's own process table, before the first event; the images of its processes go to
     * {@code images} as they become nodes.
     */
    void seed(List<ProcessInfo> table, RunningImages images) {
        this.table = new TableProcesses(table);
        this.images = images;
    }

    /** Makes the node of a table process, and of its parent when that has none yet. */
    private ProcessNode make(ProcessInfo info) {
        ProcessNode node = new ProcessNode(info.pid(), info.name(), info.commandLine());
        node.tableIndex = info.processIndex();
        node.startedAt = info.startTime();
        node.exitedAt = info.endTime();
        node.tallyAtEnd = node.exited();
        node.started = true;
        ProcessProfiles.seed(node, info);
        images.add(node, info.imagePath());
        byIndex.put(info.processIndex(), node);
        node.parent = info.parentIndex() == info.processIndex() ? node : tableProcess(info.parentIndex());
        if (table.made(info) && node.parent != null && node.parent.retired) {
            byIndex.remove(info.parentIndex(), node.parent);
        }
        return node;
    }

    /** @return the node of the table process with this index, made now if it has none yet; or null */
    private ProcessNode tableProcess(int index) {
        ProcessNode node = byIndex.get(index);
        if (node == null) {
            ProcessInfo info = table.unmade(index);
            if (info != null) {
                node = make(info);
            }
        }
        return node;
    }

    /** Makes the nodes of the table processes that started by {@code time}. */
    private void makeStartedBy(long time) {
        for (ProcessInfo info = table.startedBy(time); info != null; info = table.startedBy(time)) {
            make(info);
        }
    }

    /**
     * @return how many process instances the capture's events showed (their own events or a
     *         Process Create); table entries without events do not count, so that a capture
     *         gives the same number in every format
     */
    long instances() {
        return instances;
    }

    /**
     * @return the processes whose runtime is counted at the end, in the order the capture showed
     *         them: those mapped now (the live ones and those that exited less than a second ago),
     *         and the retired table processes still the last of their PID
     */
    List<ProcessNode> tallyAtEnd() {
        List<ProcessNode> nodes = new ArrayList<>(byPid.size() + lastRetiredByPid.size());
        byPid.forEachValue(nodes::add);
        lastRetiredByPid.forEachValue(nodes::add);
        nodes.sort(Comparator.comparingLong(n -> n.serial));
        return nodes;
    }

    /**
     * Finds, or begins, the process an event belongs to.
     *
     * @param e any event
     * @return its process
     */
    ProcessNode resolve(Event e) {
        if (!exitedInOrder.isEmpty()) {
            forgetExitedBefore(e.time() - Timeline.TICKS_PER_SECOND, e.time());
        }
        makeStartedBy(e.time());
        ProcessNode node = e.processIndex() == Event.UNKNOWN ? null : tableProcess(e.processIndex());
        if (node != null) {
            if (!node.seen) {
                node.seen = true;
                node.firstSeenAt = e.time();
                count(node);
                map(node);
                table.seen(node.tableIndex, node.pid);
                if (!node.linked && node.parent != null && node.startedAt != ProcessRef.UNKNOWN_TIME) {
                    link(new SpawnLink(node.parent, node, node.startedAt, -1, Event.UNKNOWN, "", false));
                }
            }
            return node;
        }
        node = byPid.get(e.pid());
        if (node != null && node.seen && isNewInstance(node, e)) {
            node = null;
        }
        if (node == null) {
            node = begin(e.pid(), e.processName(), e.commandLine());
            if (e.parentPid() != Event.UNKNOWN && e.parentPid() != e.pid()) {
                node.parent = byPid.get(e.parentPid());
            }
        }
        if (!node.seen) {
            node.seen = true;
            node.firstSeenAt = e.time();
            node.name = e.processName();
        }
        if (node.commandLine.isEmpty() && !e.commandLine().isEmpty()) {
            node.commandLine = e.commandLine();
        }
        return node;
    }

    private static boolean isNewInstance(ProcessNode node, Event e) {
        if (e.operation() == Operation.PROCESS_START) {
            return node.started;
        }
        if (!node.name.equalsIgnoreCase(e.processName())) {
            return true;
        }
        return node.exited() && e.time() - node.exitedAt > Timeline.TICKS_PER_SECOND;
    }

    /**
     * A Process Create event in {@code parent}: the child it names begins now.
     *
     * @param image the event's Path (the child's image), as the pass keeps it
     */
    void created(Event e, ProcessNode parent, String image) {
        ProcessDetail detail = ProcessDetail.parse(e.detail());
        if (detail.pid() == Event.UNKNOWN) {
            return;
        }
        ProcessInfo unspawned = table.takeUnspawned(detail.pid());
        ProcessNode child = unspawned == null ? null : tableProcess(unspawned.processIndex());
        if (child == null) {
            child = begin(detail.pid(), baseName(image), detail.commandLine());
        } else {
            count(child);
            map(child);
        }
        if (child.commandLine.isEmpty()) {
            child.commandLine = detail.commandLine();
        }
        child.parent = parent;
        child.startedAt = e.time();
        link(new SpawnLink(parent, child, e.time(), e.record(), e.tid(), image, true));
    }

    /** A Process Start event, the first of {@code node}. */
    void started(Event e, ProcessNode node) {
        node.started = true;
        ProcessDetail detail = ProcessDetail.parse(e.detail());
        if (node.commandLine.isEmpty()) {
            node.commandLine = detail.commandLine();
        }
        if (node.startedAt == ProcessRef.UNKNOWN_TIME) {
            node.startedAt = e.time();
        }
        int parentPid = detail.pid() != Event.UNKNOWN ? detail.pid() : e.parentPid();
        if (!node.linked && parentPid != Event.UNKNOWN && parentPid != node.pid) {
            ProcessNode parent = node.parent != null ? node.parent : byPid.get(parentPid);
            if (parent != null && parent != node) {
                node.parent = parent;
                link(new SpawnLink(parent, node, e.time(), e.record(), Event.UNKNOWN, "", false));
            }
        }
    }

    /** A Process Exit event of {@code node}. */
    void exited(Event e, ProcessNode node) {
        if (!node.exitLogged) {
            node.exitLogged = true;
            exitedInOrder.add(node);
        }
        node.exitedAt = e.time();
        node.exitStatus = exitStatus(e.detail());
    }

    /** @return the number after {@code Exit Status: } in a Process Exit Detail, or {@link ProcessRef#UNKNOWN_STATUS} */
    static long exitStatus(String detail) {
        int at = detail.indexOf(EXIT_STATUS);
        if (at < 0) {
            return ProcessRef.UNKNOWN_STATUS;
        }
        int end = at + EXIT_STATUS.length();
        int start = end < detail.length() && detail.charAt(end) == '-' ? end + 1 : end;
        int stop = start;
        while (stop < detail.length() && stop - start < 18 && Character.isDigit(detail.charAt(stop))) {
            stop++;
        }
        if (stop == start) {
            return ProcessRef.UNKNOWN_STATUS;
        }
        return Long.parseLong(detail.substring(end, stop));
    }

    /**
     * Unmaps processes that exited before {@code time}: later events of their PID belong to a new
     * process anyway, and so the PID map holds live processes, not every process of the capture.
     */
    private void forgetExitedBefore(long time, long now) {
        while (!exitedInOrder.isEmpty() && exitedInOrder.peek().exitedAt < time) {
            ProcessNode node = exitedInOrder.poll();
            if (node.tallyAtEnd && byPid.get(node.pid) == node && node.identity().runtime().known()) {
                lastRetiredByPid.put(node.pid, node);
            }
            byPid.remove(node.pid, node);
            node.retired = true;
            if (node.tableIndex != Event.UNKNOWN && !table.childrenToCome(node.tableIndex)) {
                byIndex.remove(node.tableIndex, node);
            }
            node.parent = null;
            onRetire.accept(node, now);
        }
    }

    private ProcessNode begin(int pid, String name, String commandLine) {
        if (byPid.size() >= MAX_PROCESSES) {
            if (!capWarned) {
                capWarned = true;
                warnings.accept("more than " + MAX_PROCESSES + " processes at once: forgetting exited ones,"
                        + " or all when few exited, so later links to them are missing");
            }
            List<ProcessNode> all = new ArrayList<>(byPid.size());
            byPid.forEachValue(all::add);
            for (ProcessNode mapped : all) {
                if (forget(mapped)) {
                    byPid.remove(mapped.pid, mapped);
                }
            }
            exitedInOrder.clear();
            if (byPid.size() >= MAX_PROCESSES / 2) {
                byPid.forEachValue(n -> n.parent = null);
                byPid.clear();
            }
        }
        ProcessNode node = new ProcessNode(pid, name, commandLine);
        map(node);
        count(node);
        return node;
    }

    /** Maps {@code node} under its PID: a retired process of that PID is no longer its last. */
    private void map(ProcessNode node) {
        byPid.put(node.pid, node);
        if (lastRetiredByPid.size() > 0) {
            lastRetiredByPid.remove(node.pid);
        }
    }

    /** Unmaps an exited process; it keeps no ancestor alive, so a deep tree does not stay in memory. */
    private static boolean forget(ProcessNode node) {
        if (node.exited()) {
            node.parent = null;
            return true;
        }
        return false;
    }

    private void count(ProcessNode node) {
        if (!node.counted) {
            node.counted = true;
            node.serial = instances++;
            int[] counted = instancesByPid.get(node.pid);
            if (counted == null) {
                counted = new int[1];
                instancesByPid.put(node.pid, counted);
            }
            node.instance = ++counted[0];
        }
    }

    private void link(SpawnLink spawn) {
        spawn.child().linked = true;
        spawn.child().parent = null;
        onSpawn.accept(spawn);
    }

    static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }
}
