package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;

/** A file object from its CreateFile until the CloseFile that releases its last handle. */
final class FileObject {

    /** Operations through an object kept for reports; the rest are only counted. */
    static final int KEPT_USES = 8;
    /** Spawns named per holder in a finding; the rest are not listed. */
    static final int LISTED_CARRIERS = 16;

    final String path;
    final String key;
    final ProcessNode owner;
    final int tid;
    final long openedAt;
    final long record;
    final OpenDetails.Text detail;
    boolean open = true;
    /**
     * Spawns through which processes other than the owner may hold it, by child, in spawn order;
     * null while none. Children that exited without using it or passing it on are dropped.
     */
    private Map<ProcessNode, SpawnLink> carriers;
    /** Processes holding it by inheritance that did I/O on its path; null while none. */
    List<ProcessNode> usedBy;
    /** Spawn races it took part in, until they are graded; null while none. */
    List<SpawnRaceDetector.Pending> races;
    /** The first {@link #KEPT_USES} operations through it; null while none. */
    private List<PendingUse> uses;
    /** How many operations went through it in all. */
    long useCount;
    /** The owner's last WriteFile through it, or {@link ProcessRef#UNKNOWN_TIME}. */
    long ownerWroteAt = ProcessRef.UNKNOWN_TIME;
    /** A live holder of it conflicted with an open that was refused with SHARING VIOLATION. */
    boolean causedViolation;
    /** Who released its last handle (null while open, or when it went with its holders' exit). */
    ProcessNode closer;
    long closedAt = ProcessRef.UNKNOWN_TIME;
    /** The closer had no other object open on the path, so the CloseFile can only be this one's. */
    boolean closeUnambiguous;
    private FileOpen snapshot;

    FileObject(Event e, String key, ProcessNode owner, OpenDetails.Text detail) {
        this.path = e.path();
        this.key = key;
        this.owner = owner;
        this.tid = e.tid();
        this.openedAt = e.time();
        this.record = e.record();
        this.detail = detail;
    }

    void addCarrier(SpawnLink link) {
        if (carriers == null) {
            carriers = new LinkedHashMap<>(4);
        }
        carriers.putIfAbsent(link.child(), link);
    }

    /** {@code child} exited and neither used the object nor passed it on: no chain can run through it. */
    void dropCarrier(ProcessNode child) {
        if (carriers != null) {
            carriers.remove(child);
        }
    }

    /** @return how many processes other than the owner may hold it */
    int carrierCount() {
        return carriers == null ? 0 : carriers.size();
    }

    /** @return the spawns through which other processes may hold it, in spawn order */
    Collection<SpawnLink> carriers() {
        return carriers == null ? List.of() : carriers.values();
    }

    /** @return the spawn through which {@code process} got this object, or null */
    SpawnLink carrierTo(ProcessNode process) {
        return carriers == null ? null : carriers.get(process);
    }

    /**
     * @param process a holder of the object by inheritance
     * @return the spawns from the owner down to {@code process}, in order; empty when it is the owner
     */
    List<SpawnLink> chainTo(ProcessNode process) {
        List<SpawnLink> up = new ArrayList<>();
        ProcessNode at = process;
        // Each step takes a different carrier, so a malformed tree cannot make this loop forever.
        while (at != owner && carriers != null && up.size() < carriers.size()) {
            SpawnLink link = carrierTo(at);
            if (link == null) {
                break;
            }
            up.add(link);
            at = link.parent();
        }
        // copied backwards by a loop that runs once per link: Collections.reverse's loop, which a
        // chain of one link never enters, made the JIT compile its callers again at the first longer chain
        List<SpawnLink> chain = new ArrayList<>(up.size());
        for (int i = 0, n = up.size(); i < n; i++) {
            chain.add(up.get(n - 1 - i));
        }
        return chain;
    }

    /** @return whether a process it reached by inheritance through {@code child} (or {@code child}) used it */
    boolean usedThrough(ProcessNode child) {
        if (usedBy != null) {
            for (ProcessNode user : usedBy) {
                for (SpawnLink link : chainTo(user)) {
                    if (link.child() == child) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** @return whether any process other than the owner that may hold it is alive at {@code time} */
    boolean carriedAliveAt(long time) {
        if (carriers != null) {
            for (SpawnLink link : carriers.values()) {
                if (link.child().aliveAt(time)) {
                    return true;
                }
            }
        }
        return false;
    }

    void use(ProcessNode process, Event e) {
        useCount++;
        if (process == owner && e.operation() == Operation.WRITE_FILE) {
            ownerWroteAt = e.time();
        }
        if (uses == null) {
            uses = new ArrayList<>(2);
        }
        if (uses.size() < KEPT_USES) {
            uses.add(new PendingUse(process, e.operationName(), e.time(), e.record()));
        }
    }

    void usedBy(ProcessNode process) {
        if (usedBy == null) {
            usedBy = new ArrayList<>(2);
        }
        if (!usedBy.contains(process)) {
            usedBy.add(process);
        }
    }

    /** @return the first {@link #LISTED_CARRIERS} spawns whose child is alive at {@code time} */
    List<Spawn> carriersAliveAt(long time) {
        List<Spawn> alive = new ArrayList<>();
        if (carriers != null) {
            for (SpawnLink link : carriers.values()) {
                if (alive.size() == LISTED_CARRIERS) {
                    break;
                }
                if (link.child().aliveAt(time)) {
                    alive.add(link.toSpawn());
                }
            }
        }
        return alive;
    }

    CreateFileDetail parsedDetail() {
        return detail.parsed();
    }

    /** @return whether the log has the open's Detail (access and share mode) */
    boolean detailKnown() {
        return !detail.text.isEmpty();
    }

    /** @return whether the open is of a directory: its Options name {@code Directory} (not {@code Non-Directory File}) */
    boolean directory() {
        // the options one by one, as split at ", " (no regular expression per call)
        String options = parsedDetail().options();
        for (int from = 0; from <= options.length(); ) {
            int comma = options.indexOf(", ", from);
            int end = comma < 0 ? options.length() : comma;
            int length = end - from;
            if (length == 9 && options.startsWith("Directory", from) || length == 14 && options.startsWith("Directory File", from)) {
                return true;
            }
            from = end + 2;
        }
        return false;
    }

    /** @return whether it was opened to change the file, or written by its opener */
    boolean written() {
        return detailKnown() && parsedDetail().writes() || ownerWroteAt != ProcessRef.UNKNOWN_TIME;
    }

    /** @return whether its share mode keeps others from reading or writing (permissive is Read, Write or wider) */
    boolean sharedRestrictively() {
        int share = parsedDetail().shareBits();
        return (share & CreateFileDetail.READ) == 0 || (share & CreateFileDetail.WRITE) == 0;
    }

    /**
     * @return whether a leaked copy of it does harm: it was written, shared restrictively or
     *         caused a sharing violation; unknown access counts as harmful, as nothing rules it out
     */
    boolean harmful() {
        return !detailKnown() || written() || sharedRestrictively() || causedViolation;
    }

    /** @return the open as findings show it; made once, at the end of the pass, when every lifetime is known */
    FileOpen toFileOpen() {
        if (snapshot == null) {
            snapshot = snapshot();
        }
        return snapshot;
    }

    private FileOpen snapshot() {
        CreateFileDetail d = parsedDetail();
        List<FileUse> out = new ArrayList<>();
        if (uses != null) {
            for (PendingUse u : uses) {
                out.add(new FileUse(u.process.ref(), u.operation, u.at, u.record));
            }
        }
        return new FileOpen(owner.ref(), tid, openedAt, record, d.desiredAccess(), d.shareMode(),
                detailKnown() && d.writes(), out, useCount);
    }

    private record PendingUse(ProcessNode process, String operation, long at, long record) {
    }
}
