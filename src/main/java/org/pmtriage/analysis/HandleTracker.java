package org.pmtriage.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pmtriage.event.Event;
import org.pmtriage.event.Printable;
import org.pmtriage.event.Timeline;

/**
 * File objects from CreateFile to CloseFile, across processes. A CloseFile (the last handle of an
 * object released) closes, on the same file ({@link PathKeys}): the most recent object the closing
 * process opened itself; else the most recent one it could have inherited (opened by an ancestor
 * before the spawn that links them, and still open then); else one an ancestor named only by the
 * Parent PID column opened before the closer's first event; else it counts as unmatched. What
 * happens to objects is told to the detectors ({@link HandleListener}), which judge it.
 */
final class HandleTracker {

    /** More open objects than this means a hostile or broken log: further opens are not tracked. */
    static final int MAX_OPEN_OBJECTS = 2_000_000;
    /** More open objects on one path than this: the oldest on that path is forgotten. */
    static final int MAX_OPEN_PER_PATH = 10_000;
    /** More links from open objects to the processes that inherited them: later spawns pass none on. */
    static final int MAX_INHERITANCES = 4_000_000;
    /** Open objects offered as possible holders of one refused open: the most recent ones. */
    static final int MAX_HOLDERS = 16;
    /**
     * Events of different threads less than this apart may be logged out of order (the driver's
     * callbacks run per CPU): within it, an open logged just after a spawn may still have come first.
     */
    static final long ORDER_TOLERANCE = Timeline.TICKS_PER_MILLI;
    /** Ancestors searched through the Parent PID column for an unmatched CloseFile. */
    private static final int MAX_PARENT_PID_DEPTH = 16;

    private final Map<String, List<FileObject>> byPath = new HashMap<>();
    private final PathKeys keys;
    private final OpenDetails details = new OpenDetails();
    private final HandleListener[] listeners;
    private final long window;
    private final Consumer<String> warnings;
    private int openObjects;
    private int inheritances;
    private long unmatchedCloses;
    private boolean openCapWarned;
    private boolean pathCapWarned;
    private boolean inheritanceCapWarned;

    HandleTracker(PathKeys keys, List<HandleListener> listeners, long window, Consumer<String> warnings) {
        this.keys = keys;
        this.listeners = listeners.toArray(new HandleListener[0]);
        this.window = window;
        this.warnings = warnings;
    }

    /** A successful CreateFile by {@code opener}. */
    void opened(Event e, ProcessNode opener) {
        if (openObjects >= MAX_OPEN_OBJECTS) {
            if (!openCapWarned) {
                openCapWarned = true;
                warnings.accept("more than " + MAX_OPEN_OBJECTS + " file objects open at once: later opens are"
                        + " not tracked, so findings about them may be missing");
            }
            return;
        }
        String key = keys.key(e.path());
        List<FileObject> objects = byPath.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (objects.size() >= MAX_OPEN_PER_PATH) {
            if (!pathCapWarned) {
                pathCapWarned = true;
                warnings.accept("more than " + MAX_OPEN_PER_PATH + " file objects open at once on one path ("
                        + Printable.of(e.path()) + "): forgetting the oldest ones");
            }
            remove(objects, objects.get(0));
        }
        FileObject object = new FileObject(e, key, opener, details.of(e.detail()));
        objects.add(object);
        opener.own(object);
        openObjects++;
        if (opener.recentSpawns != null) {
            passToRecentSpawns(object, opener);
        }
    }

    /**
     * Spawns of the opener logged just before the open, on another thread or with thread unknown,
     * may have come after it: their children may hold the object too. Later evidence decides.
     */
    private void passToRecentSpawns(FileObject object, ProcessNode opener) {
        for (SpawnLink link : opener.recentSpawns) {
            boolean sameThread = link.tid() != Event.UNKNOWN && link.tid() == object.tid && object.tid != Event.UNKNOWN;
            if (!sameThread && Math.abs(object.openedAt - link.at()) < ORDER_TOLERANCE && link.child().aliveAt(object.openedAt)) {
                object.addCarrier(link);
                link.child().inherit(object);
                inheritances++;
                if (link.created() && !keys.key(link.image()).equals(object.key)) {
                    for (HandleListener l : listeners) {
                        l.raced(object, link, true);
                    }
                }
            }
        }
    }

    /**
     * A CloseFile by {@code closer}. One call releases the object, whoever held it: the JIT inlines
     * what it calls once, not once per way of finding the object.
     */
    void closed(Event e, ProcessNode closer) {
        List<FileObject> objects = byPath.get(keys.key(e.path()));
        if (objects == null) {
            unmatchedCloses++;
            return;
        }
        // the most recent of the closer's own objects (the last one in opening order)
        FileObject object = null;
        int own = 0;
        for (int i = 0, n = objects.size(); i < n; i++) {
            if (objects.get(i).owner == closer) {
                own++;
                object = objects.get(i);
            }
        }
        InheritedHandle.Evidence evidence = null;
        List<SpawnLink> chain = null;
        if (object == null) {
            evidence = InheritedHandle.Evidence.SPAWNS;
            object = inheritableBy(objects, closer);
            chain = object == null ? new ArrayList<>() : object.chainTo(closer);
            if (object == null) {
                evidence = InheritedHandle.Evidence.PARENT_PID;
                object = byParentPid(objects, closer, chain);
            }
            if (object == null) {
                unmatchedCloses++;
                return;
            }
        }
        // unambiguous: the closer's only object on the path, or one it did not open
        release(objects, object, closer, e, own <= 1);
        if (chain != null) {
            for (HandleListener l : listeners) {
                l.closedByOther(object, e, chain, evidence);
            }
        }
    }

    /**
     * An ancestor named only by the Parent PID column (the log lost the Process Create and Start
     * that would link them) whose object on the path was open before the closer's first event.
     */
    private static FileObject byParentPid(List<FileObject> objects, ProcessNode closer, List<SpawnLink> chain) {
        ProcessNode child = closer;
        for (int depth = 0; depth < MAX_PARENT_PID_DEPTH && child.parent != null && !child.linked; depth++) {
            ProcessNode ancestor = child.parent;
            chain.add(0, new SpawnLink(ancestor, child, child.firstSeenAt, -1, Event.UNKNOWN, "", false));
            for (int i = objects.size() - 1; i >= 0; i--) {
                FileObject o = objects.get(i);
                if (o.owner == ancestor && o.openedAt <= closer.firstSeenAt + ORDER_TOLERANCE) {
                    return o;
                }
            }
            child = ancestor;
        }
        return null;
    }

    /** An operation through an open handle (read, write, query...) by {@code process}. */
    void used(Event e, ProcessNode process) {
        List<FileObject> objects = byPath.get(keys.key(e.path()));
        if (objects == null) {
            return;
        }
        FileObject own = null;
        for (int i = 0, n = objects.size(); i < n; i++) {
            if (objects.get(i).owner == process) {
                own = objects.get(i);
            }
        }
        if (own != null) {
            own.use(process, e);
            return;
        }
        FileObject inherited = inheritableBy(objects, process);
        if (inherited != null) {
            inherited.use(process, e);
            inherited.usedBy(process);
        }
    }

    /** A CreateFile that failed with SHARING VIOLATION. */
    void refused(Event e, ProcessNode victim) {
        String key = keys.key(e.path());
        List<FileObject> open = byPath.getOrDefault(key, List.of());
        List<FileObject> recent = new ArrayList<>(Math.min(open.size(), MAX_HOLDERS));
        for (int i = open.size() - 1; i >= 0 && recent.size() < MAX_HOLDERS; i--) {
            FileObject o = open.get(i);
            if (o.owner.aliveAt(e.time()) || o.carriedAliveAt(e.time())) {
                recent.add(o);
            }
        }
        for (HandleListener l : listeners) {
            l.refused(e, key, victim, recent);
        }
    }

    /**
     * A spawn: the child may inherit every object its parent holds (opened or inherited itself)
     * that was opened before the spawn; objects the parent opened within the race window before it
     * are spawn races.
     */
    void spawned(SpawnLink link) {
        ProcessNode parent = link.parent();
        boolean capped = inheritances >= MAX_INHERITANCES;
        if (capped && !inheritanceCapWarned) {
            inheritanceCapWarned = true;
            warnings.accept("more than " + MAX_INHERITANCES + " inherited handles at once: later spawns are"
                    + " taken to inherit nothing, so findings about them may be missing");
        }
        List<FileObject> passed = new ArrayList<>();
        String image = link.created() ? keys.key(link.image()) : null;
        for (FileObject object : parent.owned()) {
            if (object.open && object.openedAt <= link.at() + ORDER_TOLERANCE) {
                passed.add(object);
                if (image != null && link.at() - object.openedAt <= window && !image.equals(object.key)) {
                    boolean ambiguous = link.at() - object.openedAt < ORDER_TOLERANCE
                            && (link.tid() == Event.UNKNOWN || link.tid() != object.tid || object.tid == Event.UNKNOWN);
                    for (HandleListener l : listeners) {
                        l.raced(object, link, ambiguous);
                    }
                }
            }
        }
        for (FileObject object : parent.inherited) {
            if (object.open) {
                passed.add(object);
                parent.passedOn(object);
            }
        }
        if (!capped) {
            inheritances += passed.size();
            passed.forEach(o -> o.addCarrier(link));
            link.child().inherited = passed;
        }
        if (parent.recentSpawns == null) {
            parent.recentSpawns = new ArrayDeque<>(2);
        }
        while (!parent.recentSpawns.isEmpty() && parent.recentSpawns.peek().at() < link.at() - ORDER_TOLERANCE) {
            parent.recentSpawns.poll();
        }
        parent.recentSpawns.add(link);
    }

    /**
     * A process exited and its rundown closes had their time (it is forgotten a second after its
     * exit): objects nobody alive can hold any more went with it.
     */
    void retired(ProcessNode process, long now) {
        if (!process.owned().isEmpty()) {
            // releasing an object takes it out of its owner's set: go through a copy
            for (FileObject o : process.owned().toArray(new FileObject[0])) {
                retired(o, process, now);
            }
        }
        for (FileObject o : process.inherited) {
            retired(o, process, now);
        }
        process.retired();
        process.inherited = List.of();
        process.passedOn = null;
        process.recentSpawns = null;
    }

    /** {@code holder}, which opened or inherited {@code o}, is gone: {@code o} may go with it. */
    private void retired(FileObject o, ProcessNode holder, long now) {
        if (!o.open) {
            return;
        }
        if (!o.owner.aliveAt(now) && !o.carriedAliveAt(now)) {
            List<FileObject> objects = byPath.get(o.key);
            if (objects != null) {
                remove(objects, o);
                released(o);
            }
        } else if (o.owner != holder && !holder.hasPassedOn(o) && (o.usedBy == null || !o.usedBy.contains(holder))) {
            // Gone without using or passing on its copy: no later close or use can come through it.
            o.dropCarrier(holder);
            inheritances--;
        }
    }

    private void released(FileObject o) {
        for (HandleListener l : listeners) {
            l.released(o);
        }
    }

    /** @return CloseFile events that matched no open file object */
    long unmatchedCloses() {
        return unmatchedCloses;
    }

    /** @return the objects still open, in the order they were opened */
    List<FileObject> stillOpen() {
        List<FileObject> open = new ArrayList<>(openObjects);
        byPath.values().forEach(open::addAll);
        open.sort((a, b) -> Long.compare(a.record, b.record));
        return open;
    }

    /** @return the most recent object on the path that {@code process} may hold by inheritance, or null */
    private static FileObject inheritableBy(List<FileObject> objects, ProcessNode process) {
        // forward, as the other scans here: a loop counting down made the JIT compile its callers again
        FileObject found = null;
        for (int i = 0, n = objects.size(); i < n; i++) {
            if (objects.get(i).carrierTo(process) != null) {
                found = objects.get(i);
            }
        }
        return found;
    }

    private void release(List<FileObject> objects, FileObject object, ProcessNode closer, Event e, boolean unambiguous) {
        object.closer = closer;
        object.closedAt = e.time();
        object.closeUnambiguous = unambiguous;
        remove(objects, object);
        released(object);
    }

    private void remove(List<FileObject> objects, FileObject object) {
        object.open = false;
        objects.remove(object);
        if (objects.isEmpty()) {
            byPath.remove(object.key);
        }
        object.owner.disown(object);
        openObjects--;
        inheritances -= object.carrierCount();
    }
}
