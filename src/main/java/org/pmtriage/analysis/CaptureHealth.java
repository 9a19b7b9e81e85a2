package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;

/**
 * What the capture lacks that kinds of verdict need, read from the data itself: CloseFile events
 * (closes decide leaks and races), process events (spawns carry handles), signs of a filter, and
 * thread IDs (they tell a cross-thread race from a redirect).
 */
final class CaptureHealth {

    static final String NO_CLOSE_EVENTS = "no-close-events";
    static final String NO_PROCESS_EVENTS = "no-process-events";
    static final String FILTERED = "filtered";
    static final String NO_TIDS = "no-tids";

    /** Children remembered while they show no event; more means a hostile log. */
    private static final int MAX_UNSEEN_CHILDREN = 4096;
    /** How long after its creation a child with no event of its own shows a filter at work. */
    private static final long SILENCE = 100 * Timeline.TICKS_PER_MILLI;

    private long opens;
    private long closes;
    private long fileIo;
    private long creates;
    private long starts;
    private long exits;
    private boolean anyTid;
    private boolean processTable;
    private final Set<Integer> pids = new HashSet<>();
    /** Spawns by Process Create whose child has shown no event of its own yet, by the child's PID. */
    private final Map<Integer, SpawnLink> unseenChildren = new HashMap<>();
    /** The PID of the last event, known not to be among {@link #unseenChildren}: runs of one process look once. */
    private int seenPid = Event.UNKNOWN;
    private long lastTime;

    /** A Process Create named a child: it should show events of its own unless a filter dropped them. */
    void created(SpawnLink spawn) {
        if (unseenChildren.size() < MAX_UNSEEN_CHILDREN) {
            unseenChildren.put(spawn.child().pid, spawn);
            seenPid = Event.UNKNOWN;
        }
    }

    /** The log came with its own process table (XML, PML). */
    void processTable() {
        processTable = true;
    }

    void accept(Event e) {
        lastTime = e.time();
        if (e.pid() != seenPid && !unseenChildren.isEmpty()) {
            unseenChildren.remove(e.pid());
            seenPid = e.pid();
        }
        if (!anyTid && e.tid() != Event.UNKNOWN) {
            anyTid = true;
        }
        if (pids.size() < 2) {
            pids.add(e.pid());
        }
        switch (e.operation()) {
            case CREATE_FILE -> opens++;
            case CLOSE_FILE -> closes++;
            case READ_FILE, WRITE_FILE, FILE_IO -> fileIo++;
            case PROCESS_CREATE -> creates++;
            case PROCESS_START -> starts++;
            case PROCESS_EXIT -> exits++;
            default -> {
            }
        }
    }

    /** @return the notes that apply, empty for a capture with everything */
    List<HealthNote> notes(long events) {
        List<HealthNote> notes = new ArrayList<>();
        if (events == 0) {
            return notes;
        }
        if (opens > 0 && closes == 0) {
            notes.add(new HealthNote(NO_CLOSE_EVENTS, "the capture has no CloseFile events: no leak can be seen, nothing"
                    + " shows a file still open at a spawn (races are at most info and never settled), and objects"
                    + " open at the end are not listed"));
        }
        boolean multiProcess = pids.size() > 1 || processTable;
        boolean noProcessEvents = creates + starts + exits == 0 && multiProcess;
        if (noProcessEvents) {
            notes.add(new HealthNote(NO_PROCESS_EVENTS, "the capture has no Process Create, Start or Exit events:"
                    + " spawns, and so races and inheritance, are seen only through a Parent PID column, and objects open at the"
                    + " end are not listed, as no exit shows their holders gone"));
        }
        SpawnLink silent = unseenChildren.values().stream()
                .filter(spawn -> lastTime - spawn.at() > SILENCE).findFirst().orElse(null);
        if (silent != null) {
            notes.add(new HealthNote(FILTERED, silent.child().ref() + ", created by " + silent.parent().name + " at "
                    + Timeline.format(silent.at()) + ", has no event of its own in the log: a filter dropped"
                    + " processes' events, so holders and spawns may be missing"));
        } else if (opens == 0 && fileIo > 0) {
            notes.add(new HealthNote(FILTERED, "file operations but no CreateFile event: a filter dropped the opens,"
                    + " so no file object can be followed"));
        } else if (opens > 0 && creates == 0 && multiProcess && !noProcessEvents) {
            notes.add(new HealthNote(FILTERED, "CreateFile events but no Process Create while several processes"
                    + " appear: a filter dropped events, so holders and spawns may be missing"));
        } else if (!noProcessEvents && (creates > 0 && starts == 0 || starts > 0 && creates == 0 && !processTable)) {
            notes.add(new HealthNote(FILTERED, "Process " + (starts == 0 ? "Create without Process Start" : "Start"
                    + " without Process Create") + " events: a filter dropped events, so holders and spawns may be"
                    + " missing"));
        }
        if (!anyTid) {
            notes.add(new HealthNote(NO_TIDS, "the log has no thread IDs (a CSV without a TID column): a race on"
                    + " another thread cannot be told from a redirect by its threads"));
        }
        return notes;
    }
}
