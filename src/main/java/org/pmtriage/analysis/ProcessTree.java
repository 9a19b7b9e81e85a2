package org.pmtriage.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * map for a second after their exit; at most {@link #MAX_PROCESSES} are mapped at once.
 */
final class ProcessTree {

    /** More mapped processes than this means a hostile or broken log; the oldest are forgotten. */
    static final int MAX_PROCESSES = 1 << 20;

    private static final String EXIT_STATUS = "Exit Status: ";

    private final LongMap<ProcessNode> byPid = new LongMap<>();
    private final LongMap<ProcessNode> byIndex = new LongMap<>();
    private final LongMap<ArrayDeque<ProcessNode>> unspawnedByPid = new LongMap<>();
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

    /** Adds the log's own process table, before the first event; their images go to {@code images}. */
    void seed(Iterable<ProcessInfo> table, RunningImages images) {
        Map<Integer, ProcessInfo> infos = new HashMap<>();
        for (ProcessInfo info : table) {
            ProcessNode node = new ProcessNode(info.pid(), info.name(), info.commandLine());
            node.startedAt = info.startTime();
            node.exitedAt = info.endTime();
            node.started = true;
            ProcessProfiles.seed(node, info);
            images.add(node, info.imagePath());
            byIndex.put(info.processIndex(), node);
            infos.put(info.processIndex(), info);
            ArrayDeque<ProcessNode> queue = unspawnedByPid.get(info.pid());
            if (queue == null) {
                queue = new ArrayDeque<>();
                unspawnedByPid.put(info.pid(), queue);
            }
            queue.add(node);
        }
        infos.forEach((index, info) -> byIndex.get(index).parent = byIndex.get(info.parentIndex()));
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
     * @return the processes mapped now: the live ones and those that exited less than a second
     *         ago, in the order the capture showed them
     */
    List<ProcessNode> mapped() {
        List<ProcessNode> nodes = new ArrayList<>(byPid.size());
        byPid.forEachValue(nodes::add);
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
        ProcessNode node = e.processIndex() == Event.UNKNOWN ? null : byIndex.get(e.processIndex());
        if (node != null) {
            if (!node.seen) {
                node.seen = true;
                node.firstSeenAt = e.time();
                count(node);
                byPid.put(node.pid, node);
                unspawned(node);
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
        ProcessNode child = takeUnspawned(detail.pid());
        if (child == null) {
            child = begin(detail.pid(), baseName(image), detail.commandLine());
        } else {
            count(child);
            byPid.put(child.pid, child);
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
        if (!node.exited()) {
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
            byPid.remove(node.pid, node);
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
        byPid.put(pid, node);
        count(node);
        return node;
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

    private ProcessNode takeUnspawned(int pid) {
        ArrayDeque<ProcessNode> queue = unspawnedByPid.get(pid);
        if (queue == null) {
            return null;
        }
        ProcessNode node = queue.poll();
        if (queue.isEmpty()) {
            unspawnedByPid.remove(pid);
        }
        return node;
    }

    private void unspawned(ProcessNode node) {
        ArrayDeque<ProcessNode> queue = unspawnedByPid.get(node.pid);
        if (queue != null) {
            queue.remove(node);
            if (queue.isEmpty()) {
                unspawnedByPid.remove(node.pid);
            }
        }
    }

    static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }
}
