package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessDetail;

/**
 * A plain, slow re-implementation of the detector semantics the truth promises, used only to check
 * that what the simulation writes into the truth is what its events say: processes by PID and
 * lifetime, file objects matched to CloseFiles (own first, else inherited from an ancestor that
 * opened it before the spawn), inherited handles with their verdict, spawn races within 50 ms,
 * sharing violations with their holders, unmatched closes and objects open at the end.
 */
final class SemanticsOracle {

    static final long RACE_WINDOW = 50 * CaptureConfig.MS;

    static final class Proc {
        final int pid;
        final String name;
        final Proc parent;
        /** When the parent logged this process's Process Create (or its start if unseen). */
        final long spawnedAt;
        boolean exited;

        Proc(int pid, String name, Proc parent, long spawnedAt) {
            this.pid = pid;
            this.name = name;
            this.parent = parent;
            this.spawnedAt = spawnedAt;
        }

        /**
         * @return when the ancestor spawned the child through which this process descends from it,
         *         or -1 when {@code ancestor} is not an ancestor
         */
        long linkedBelow(Proc ancestor) {
            for (Proc p = this; p != null; p = p.parent) {
                if (p.parent == ancestor) {
                    return p.spawnedAt;
                }
            }
            return -1;
        }
    }

    static final class FileObject {
        final String path;
        final Proc opener;
        final long openedAt;
        boolean open = true;
        boolean ioByOther;
        final List<String> races = new ArrayList<>();

        FileObject(String path, Proc opener, long openedAt) {
            this.path = path;
            this.opener = opener;
            this.openedAt = openedAt;
        }
    }

    /** Findings in a form easy to compare with the truth. */
    final List<String> leaks = new ArrayList<>();
    final List<String> races = new ArrayList<>();
    final List<String> sharingViolations = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final List<String> openAtEnd = new ArrayList<>();

    private final Map<Integer, Proc> live = new HashMap<>();
    private final Map<Integer, Proc> created = new HashMap<>();
    private final Map<String, List<FileObject>> objects = new HashMap<>();
    private final List<FileObject> raceObjects = new ArrayList<>();
    private final List<FileObject> openObjects = new ArrayList<>();

    void accept(Event e) {
        Proc p = live.computeIfAbsent(e.pid(), pid -> new Proc(pid, e.processName(), null, Long.MIN_VALUE));
        String key = e.path().toLowerCase(Locale.ROOT);
        switch (e.operation()) {
            case PROCESS_CREATE -> {
                int child = ProcessDetail.parse(e.detail()).pid();
                created.put(child, new Proc(child, e.path().substring(e.path().lastIndexOf('\\') + 1), p, e.time()));
                for (FileObject o : openObjects) {
                    if (o.opener == p && e.time() - o.openedAt <= RACE_WINDOW) {
                        if (o.races.isEmpty()) {
                            raceObjects.add(o);
                        }
                        o.races.add(o.path + "|" + p.pid + "|" + child + "|" + o.openedAt + "|" + e.time());
                    }
                }
            }
            case PROCESS_START -> {
                Proc c = created.remove(e.pid());
                if (c == null) {
                    problems.add("Process Start without Process Create: " + e);
                    c = new Proc(e.pid(), e.processName(), null, e.time());
                }
                live.put(e.pid(), c);
            }
            case PROCESS_EXIT -> {
                p.exited = true;
                live.remove(e.pid());
            }
            case CREATE_FILE -> {
                if (e.succeeded()) {
                    FileObject o = new FileObject(e.path(), p, e.time());
                    objects.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
                    openObjects.add(o);
                } else if (Event.SHARING_VIOLATION.equals(e.result())) {
                    StringBuilder holders = new StringBuilder();
                    for (FileObject o : objects.getOrDefault(key, List.of())) {
                        if (o.open) {
                            holders.append(o.opener.pid).append(',');
                        }
                    }
                    sharingViolations.add(e.path() + "|" + e.pid() + "|" + e.time() + "|" + holders);
                }
            }
            case CLOSE_FILE -> close(p, key, e);
            case READ_FILE, WRITE_FILE, FILE_IO -> {
                for (FileObject o : objects.getOrDefault(key, List.of())) {
                    if (o.open && o.opener != p && p.linkedBelow(o.opener) > o.openedAt) {
                        o.ioByOther = true;
                    }
                }
            }
            default -> {
            }
        }
    }

    private void close(Proc p, String key, Event e) {
        List<FileObject> list = objects.getOrDefault(key, List.of());
        FileObject match = null;
        for (int i = list.size() - 1; i >= 0 && match == null; i--) {
            if (list.get(i).open && list.get(i).opener == p) {
                match = list.get(i);
            }
        }
        for (int i = list.size() - 1; i >= 0 && match == null; i--) {
            FileObject o = list.get(i);
            if (o.open && p.linkedBelow(o.opener) > o.openedAt) {
                match = o;
            }
        }
        if (match == null) {
            problems.add("unmatched CloseFile: " + e);
            return;
        }
        match.open = false;
        list.remove(match);
        openObjects.remove(match);
        if (match.opener != p) {
            Proc child = p;
            while (child.parent != match.opener) {
                child = child.parent;
            }
            leaks.add(match.path + "|" + match.opener.pid + "|" + match.openedAt + "|" + child.pid + "|"
                    + child.spawnedAt + "|" + p.pid + "|" + e.time() + "|" + (match.ioByOther ? "handed-over" : "leaked"));
        }
    }

    /** Ends the replay: races get their confirmation, open objects are listed. */
    void finish() {
        for (FileObject o : raceObjects) {
            boolean confirmed = !o.open && leaks.stream().anyMatch(l -> l.startsWith(o.path + "|" + o.opener.pid + "|" + o.openedAt + "|"));
            for (String r : o.races) {
                races.add(r + "|" + confirmed);
            }
        }
        raceObjects.clear();
        for (List<FileObject> list : objects.values()) {
            for (FileObject o : list) {
                if (o.open) {
                    openAtEnd.add(o.path + "|" + o.opener.pid + "|" + o.openedAt);
                }
            }
        }
    }

    static List<String> leaksOf(CaptureTruth t) {
        return t.leaks().stream().map(l -> l.path() + "|" + l.opener().pid() + "|" + l.openedAt() + "|"
                + l.spawnChild().pid() + "|" + l.spawnedAt() + "|" + l.closer().pid() + "|" + l.closedAt() + "|"
                + l.verdict()).toList();
    }

    /** @return the races the analysis lists (refuted ones are only counted), {@code |true} for the grade confirmed */
    static List<String> racesOf(CaptureTruth t) {
        return t.races().stream().filter(r -> !r.grade(t.tids()).equals("refuted"))
                .map(r -> r.path() + "|" + r.opener().pid() + "|" + r.child().pid() + "|"
                + r.openedAt() + "|" + r.spawnedAt() + "|" + r.grade(t.tids()).equals("confirmed")).toList();
    }

    static List<String> sharingViolationsOf(CaptureTruth t) {
        return t.sharingViolations().stream().map(s -> s.path() + "|" + s.victim().pid() + "|" + s.at() + "|"
                + String.join("", s.holders().stream().map(h -> h.opener().pid() + ",").toList())).toList();
    }

    static List<String> openAtEndOf(CaptureTruth t) {
        return t.openAtEnd().stream().map(o -> o.path() + "|" + o.opener().pid() + "|" + o.openedAt()).toList();
    }
}
