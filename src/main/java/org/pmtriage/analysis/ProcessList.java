package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessDetail;
import org.pmtriage.event.ProcessInfo;

/**
 * Every process of a capture, for {@code stats --processes}: the log's own process table when it
 * has one (XML, PML), else the processes its events show (CSV): created, started, exiting, or
 * only seen. Holds one entry per process instance, never events.
 */
public final class ProcessList {

    private final List<Entry> entries = new ArrayList<>();
    private final Map<Integer, Entry> byPid = new HashMap<>();
    private boolean fromTable;

    private static final class Entry {
        final int index;
        final int pid;
        int parentPid = Event.UNKNOWN;
        int parentIndex = Event.UNKNOWN;
        String name;
        String imagePath = "";
        String commandLine = "";
        long start = ProcessInfo.UNKNOWN_TIME;
        long end = ProcessInfo.UNKNOWN_TIME;
        boolean started;

        Entry(int index, int pid, String name) {
            this.index = index;
            this.pid = pid;
            this.name = name;
        }
    }

    /** Takes the log's process table; a log that has one is listed from it alone. */
    public void processTable(List<ProcessInfo> table) {
        fromTable = !table.isEmpty();
        for (ProcessInfo p : table) {
            Entry e = new Entry(p.processIndex(), p.pid(), p.name());
            e.parentPid = p.parentPid();
            e.parentIndex = p.parentIndex();
            e.imagePath = p.imagePath();
            e.commandLine = p.commandLine();
            e.start = p.startTime();
            e.end = p.endTime();
            entries.add(e);
        }
    }

    /** Takes the next event; without a process table, process events and first sightings make the list. */
    public void accept(Event e) {
        if (fromTable) {
            return;
        }
        switch (e.operation()) {
            case PROCESS_CREATE -> {
                ProcessDetail detail = ProcessDetail.parse(e.detail());
                if (e.succeeded() && detail.pid() != Event.UNKNOWN) {
                    Entry child = add(detail.pid(), ProcessTree.baseName(e.path()));
                    Entry parent = current(e);
                    child.parentPid = parent.pid;
                    child.parentIndex = parent.index;
                    child.imagePath = e.path();
                    child.commandLine = detail.commandLine();
                    child.start = e.time();
                }
            }
            case PROCESS_START -> {
                Entry node = byPid.get(e.pid());
                if (node == null || node.started || node.end != ProcessInfo.UNKNOWN_TIME) {
                    node = add(e.pid(), e.processName());
                }
                node.started = true;
                ProcessDetail detail = ProcessDetail.parse(e.detail());
                if (node.parentPid == Event.UNKNOWN) {
                    node.parentPid = detail.pid() != Event.UNKNOWN ? detail.pid() : e.parentPid();
                    Entry parent = byPid.get(node.parentPid);
                    node.parentIndex = parent == null ? Event.UNKNOWN : parent.index;
                }
                if (node.commandLine.isEmpty()) {
                    node.commandLine = detail.commandLine().isEmpty() ? e.commandLine() : detail.commandLine();
                }
                if (node.start == ProcessInfo.UNKNOWN_TIME) {
                    node.start = e.time();
                }
            }
            case PROCESS_EXIT -> current(e).end = e.time();
            default -> current(e);
        }
    }

    /** @return the processes, in the table's order or in the order they appeared */
    public List<ProcessInfo> processes() {
        List<ProcessInfo> list = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            list.add(new ProcessInfo(e.index, e.pid, e.parentPid, e.parentIndex, e.name, e.imagePath, e.commandLine,
                    e.start, e.end));
        }
        return list;
    }

    /** The process an event belongs to: its live entry, or a new one for a process seen first now. */
    private Entry current(Event e) {
        Entry known = byPid.get(e.pid());
        if (known != null && (known.end == ProcessInfo.UNKNOWN_TIME || known.end >= e.time())) {
            if (known.commandLine.isEmpty()) {
                known.commandLine = e.commandLine();
            }
            return known;
        }
        Entry seen = add(e.pid(), e.processName());
        seen.parentPid = e.parentPid();
        seen.commandLine = e.commandLine();
        seen.imagePath = e.imagePath();
        return seen;
    }

    private Entry add(int pid, String name) {
        Entry e = new Entry(entries.size(), pid, name);
        entries.add(e);
        byPid.put(pid, e);
        return e;
    }
}
