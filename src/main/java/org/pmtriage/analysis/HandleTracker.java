package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;

/**
 * File objects from CreateFile to CloseFile, across processes. A CloseFile (the last handle of an
 * object closed) closes, on the same path compared case-insensitively: the most recent object the
 * closing process opened itself; else the most recent one it could have inherited (opened by an
 * ancestor before the spawn that links them, and still open then); else it counts as unmatched.
 * Objects closed by a process other than their opener become inherited-handle findings.
 */
final class HandleTracker {

    /** More open objects than this means a hostile or broken log: further opens are not tracked. */
    static final int MAX_OPEN_OBJECTS = 2_000_000;
    /** More open objects on one path than this: the oldest on that path is forgotten. */
    static final int MAX_OPEN_PER_PATH = 10_000;
    /** More links from open objects to the processes that inherited them: later spawns pass none on. */
    static final int MAX_INHERITANCES = 4_000_000;
    /** Open objects named as possible holders of one refused open: the most recent ones. */
    static final int MAX_HOLDERS = 16;

    private final Map<String, List<FileObject>> byPath = new HashMap<>();
    private final FindingCollector findings;
    private final long window;
    private final Consumer<String> warnings;
    private int openObjects;
    private int inheritances;
    private long unmatchedCloses;
    private boolean openCapWarned;
    private boolean pathCapWarned;
    private boolean inheritanceCapWarned;

    HandleTracker(FindingCollector findings, long window, Consumer<String> warnings) {
        this.findings = findings;
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
        String key = key(e.path());
        List<FileObject> objects = byPath.computeIfAbsent(key, k -> new ArrayList<>(2));
        if (objects.size() >= MAX_OPEN_PER_PATH) {
            if (!pathCapWarned) {
                pathCapWarned = true;
                warnings.accept("more than " + MAX_OPEN_PER_PATH + " file objects open at once on one path ("
                        + printable(e.path()) + "): forgetting the oldest ones");
            }
            remove(key, objects, objects.get(0));
        }
        FileObject object = new FileObject(e, opener);
        objects.add(object);
        opener.owned.add(object);
        openObjects++;
    }

    /** A CloseFile by {@code closer}. */
    void closed(Event e, ProcessNode closer) {
        String key = key(e.path());
        List<FileObject> objects = byPath.get(key);
        FileObject object = objects == null ? null : ownedBy(objects, closer);
        if (object == null && objects != null) {
            object = inheritableBy(objects, closer);
        }
        if (object == null) {
            unmatchedCloses++;
            return;
        }
        remove(key, objects, object);
        if (object.owner != closer) {
            findings.inheritedClose(object, closer, e);
            if (object.races != null) {
                object.races.forEach(r -> r.confirmed = true);
            }
        }
    }

    /** An operation through an open handle (read, write, query...) by {@code process}. */
    void used(Event e, ProcessNode process) {
        List<FileObject> objects = byPath.get(key(e.path()));
        if (objects == null) {
            return;
        }
        FileObject own = ownedBy(objects, process);
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
        List<FileObject> open = byPath.getOrDefault(key(e.path()), List.of());
        List<FileObject> objects = open.subList(Math.max(0, open.size() - MAX_HOLDERS), open.size());
        CreateFileDetail request = e.detail().isEmpty() ? null : CreateFileDetail.parse(e.detail());
        List<FindingCollector.PendingHolder> holders = new ArrayList<>(objects.size());
        for (FileObject object : objects) {
            boolean conflicts = request != null && !object.detail.isEmpty()
                    && CreateFileDetail.parse(object.detail).conflictsWith(request);
            holders.add(new FindingCollector.PendingHolder(object, object.carriersAliveAt(e.time()), conflicts));
        }
        findings.sharingViolation(e, victim, holders);
    }

    /**
     * A spawn: the child may inherit every object its parent holds (opened or inherited itself)
     * that was opened before the spawn; objects the parent opened within the race window before
     * it are spawn races, except the child's own image, which CreateProcess itself opens.
     */
    void spawned(SpawnLink link) {
        if (inheritances >= MAX_INHERITANCES) {
            if (!inheritanceCapWarned) {
                inheritanceCapWarned = true;
                warnings.accept("more than " + MAX_INHERITANCES + " inherited handles at once: later spawns are"
                        + " taken to inherit nothing, so findings about them may be missing");
            }
            return;
        }
        ProcessNode parent = link.parent();
        List<FileObject> inherited = new ArrayList<>();
        for (FileObject object : parent.owned) {
            if (object.open && object.openedAt <= link.at()) {
                inherited.add(object);
                if (link.at() - object.openedAt <= window && link.created()
                        && !object.path.equalsIgnoreCase(link.image())) {
                    findings.spawnRace(object, link);
                }
            }
        }
        for (FileObject object : parent.inherited) {
            if (object.open && object.openedAt <= link.at()) {
                inherited.add(object);
            }
        }
        inheritances += inherited.size();
        inherited.forEach(o -> o.addCarrier(link));
        link.child().inherited = inherited;
    }

    /** A process exited: it spawns nothing more, so it need not remember what it holds. */
    void exited(ProcessNode process) {
        process.owned.clear();
        process.inherited = List.of();
    }

    /** @return CloseFile events that matched no open object */
    long unmatchedCloses() {
        return unmatchedCloses;
    }

    /** @return the objects still open, oldest first per path */
    List<FileObject> stillOpen() {
        List<FileObject> open = new ArrayList<>(openObjects);
        byPath.values().forEach(open::addAll);
        open.sort((a, b) -> Long.compare(a.record, b.record));
        return open;
    }

    private static FileObject ownedBy(List<FileObject> objects, ProcessNode process) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).owner == process) {
                return objects.get(i);
            }
        }
        return null;
    }

    private static FileObject inheritableBy(List<FileObject> objects, ProcessNode process) {
        for (int i = objects.size() - 1; i >= 0; i--) {
            if (objects.get(i).carrierTo(process) != null) {
                return objects.get(i);
            }
        }
        return null;
    }

    private void remove(String key, List<FileObject> objects, FileObject object) {
        object.open = false;
        objects.remove(object);
        if (objects.isEmpty()) {
            byPath.remove(key);
        }
        object.owner.owned.remove(object);
        openObjects--;
        inheritances -= object.carriers == null ? 0 : object.carriers.size();
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
        return out.toString();
    }

    private static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }
}
