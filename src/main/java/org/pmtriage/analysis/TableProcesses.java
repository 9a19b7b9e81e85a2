package org.pmtriage.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pmtriage.event.ProcessInfo;

/**
 * The entries of a log's own process table that the pass has not made into nodes yet, and what
 * the pass asks of them: which started by a time, which one a Process Create of a PID names, and
 * whether a child of an index is still to come. Holds references to the table's entries only.
 */
final class TableProcesses {

    /** Entries without a node yet, by index. */
    private final LongMap<ProcessInfo> unmade = new LongMap<>();
    /** Entries of known start time, by start time: their images run from then on. */
    private final ArrayDeque<ProcessInfo> byStart = new ArrayDeque<>();
    /** How many entries without a node yet name each index as their parent. */
    private final LongMap<int[]> childrenToMake = new LongMap<>();
    /** Entries neither seen nor created yet, per PID, in table order. */
    private final LongMap<ArrayDeque<ProcessInfo>> unspawnedByPid = new LongMap<>();

    TableProcesses(List<ProcessInfo> table) {
        List<ProcessInfo> started = new ArrayList<>();
        for (ProcessInfo info : table) {
            unmade.put(info.processIndex(), info);
            ArrayDeque<ProcessInfo> queue = unspawnedByPid.get(info.pid());
            if (queue == null) {
                queue = new ArrayDeque<>(2);
                unspawnedByPid.put(info.pid(), queue);
            }
            queue.add(info);
            if (info.startTime() != ProcessInfo.UNKNOWN_TIME) {
                started.add(info);
            }
        }
        for (ProcessInfo info : table) {
            if (info.parentIndex() != info.processIndex() && unmade.get(info.parentIndex()) != null) {
                int[] children = childrenToMake.get(info.parentIndex());
                if (children == null) {
                    children = new int[1];
                    childrenToMake.put(info.parentIndex(), children);
                }
                children[0]++;
            }
        }
        started.sort(Comparator.comparingLong(ProcessInfo::startTime));
        byStart.addAll(started);
    }

    /** @return the entry with this index, while it has no node; else null */
    ProcessInfo unmade(int index) {
        return unmade.get(index);
    }

    /** @return an entry without a node that started by {@code time}, or null when none is left */
    ProcessInfo startedBy(long time) {
        while (!byStart.isEmpty() && byStart.peek().startTime() <= time) {
            ProcessInfo info = byStart.poll();
            if (unmade.get(info.processIndex()) == info) {
                return info;
            }
        }
        return null;
    }

    /**
     * {@code info} has its node now.
     *
     * @return whether it was the last child of its parent still to come
     */
    boolean made(ProcessInfo info) {
        unmade.remove(info.processIndex());
        int[] siblings = info.parentIndex() == info.processIndex() ? null : childrenToMake.get(info.parentIndex());
        if (siblings != null && --siblings[0] == 0) {
            childrenToMake.remove(info.parentIndex());
            return true;
        }
        return false;
    }

    /** @return whether an entry without a node yet names {@code index} as its parent */
    boolean childrenToCome(int index) {
        return childrenToMake.get(index) != null;
    }

    /** @return the first entry with this PID neither seen nor created yet, taken; or null */
    ProcessInfo takeUnspawned(int pid) {
        ArrayDeque<ProcessInfo> queue = unspawnedByPid.get(pid);
        if (queue == null) {
            return null;
        }
        ProcessInfo info = queue.poll();
        if (queue.isEmpty()) {
            unspawnedByPid.remove(pid);
        }
        return info;
    }

    /** The entry with this index and PID showed an event of its own: a Process Create names another. */
    void seen(int index, int pid) {
        ArrayDeque<ProcessInfo> queue = unspawnedByPid.get(pid);
        if (queue != null) {
            queue.removeIf(info -> info.processIndex() == index);
            if (queue.isEmpty()) {
                unspawnedByPid.remove(pid);
            }
        }
    }
}
