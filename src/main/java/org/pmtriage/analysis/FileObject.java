package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;

/** A file object from its CreateFile until the CloseFile that releases its last handle. */
final class FileObject {

    final String path;
    final ProcessNode owner;
    final int tid;
    final long openedAt;
    final long record;
    final String detail;
    boolean open = true;
    /** Spawns through which processes other than the owner may hold it; null while none. */
    List<SpawnLink> carriers;
    /** The first of {@link #carriers} to each child, once there are many: a lookup per event stays O(1). */
    private Map<ProcessNode, SpawnLink> carrierByChild;
    /** Processes holding it by inheritance that did I/O on its path; null while none. */
    List<ProcessNode> usedBy;
    /** Spawn races it took part in; null while none. */
    List<PendingRace> races;
    /** The first {@link #KEPT_USES} operations through it; null while none. */
    List<PendingUse> uses;
    /** How many operations went through it in all. */
    long useCount;

    /** Operations through an object kept for reports; the rest are only counted. */
    static final int KEPT_USES = 8;
    /** Carriers beyond which {@link #carrierTo} looks them up by child instead of scanning. */
    private static final int INDEXED_CARRIERS = 16;
    /** Spawns named per holder in a finding; the rest are not listed. */
    static final int LISTED_CARRIERS = 16;

    FileObject(Event e, ProcessNode owner) {
        this.path = e.path();
        this.owner = owner;
        this.tid = e.tid();
        this.openedAt = e.time();
        this.record = e.record();
        this.detail = e.detail();
    }

    void addCarrier(SpawnLink link) {
        if (carriers == null) {
            carriers = new ArrayList<>(2);
        }
        carriers.add(link);
        if (carrierByChild != null) {
            carrierByChild.putIfAbsent(link.child(), link);
        } else if (carriers.size() > INDEXED_CARRIERS) {
            carrierByChild = new HashMap<>();
            carriers.forEach(c -> carrierByChild.putIfAbsent(c.child(), c));
        }
    }

    /** @return the spawn through which {@code process} got this object, or null */
    SpawnLink carrierTo(ProcessNode process) {
        if (carrierByChild != null) {
            return carrierByChild.get(process);
        }
        if (carriers != null) {
            for (SpawnLink link : carriers) {
                if (link.child() == process) {
                    return link;
                }
            }
        }
        return null;
    }

    void use(ProcessNode process, Event e) {
        useCount++;
        if (uses == null) {
            uses = new ArrayList<>(2);
        }
        if (uses.size() < KEPT_USES) {
            uses.add(new PendingUse(process, e.operationName(), e.time(), e.record()));
        }
    }

    List<FileUse> toFileUses() {
        List<FileUse> out = new ArrayList<>();
        if (uses != null) {
            for (PendingUse u : uses) {
                out.add(new FileUse(u.process.ref(), u.operation, u.at, u.record));
            }
        }
        return out;
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
            for (SpawnLink link : carriers) {
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

    FileOpen toFileOpen() {
        CreateFileDetail d = CreateFileDetail.parse(detail);
        return new FileOpen(owner.ref(), tid, openedAt, record, d.desiredAccess(), d.shareMode(),
                !detail.isEmpty() && d.writes(), toFileUses(), useCount);
    }

    private record PendingUse(ProcessNode process, String operation, long at, long record) {
    }

    /** A spawn race on this object, confirmed if the object is later closed by another process. */
    static final class PendingRace {
        final SpawnLink spawn;
        final int spawnTid;
        boolean confirmed;

        PendingRace(SpawnLink spawn, int spawnTid) {
            this.spawn = spawn;
            this.spawnTid = spawnTid;
        }
    }
}
