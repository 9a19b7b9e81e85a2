package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;

/**
 * Keeps what the pass found until the end, when processes' whole lifetimes are known, and then
 * writes the findings. At most {@link #MAX_PER_KIND} of each kind are kept; the rest are counted.
 */
final class FindingCollector {

    /** Findings kept per kind; beyond this they are only counted. */
    static final int MAX_PER_KIND = 100_000;

    record PendingHolder(FileObject object, List<Spawn> inheritedBy, boolean conflicts) {
    }

    private record PendingClose(FileObject object, ProcessNode closer, long at, long record) {
    }

    private record PendingViolation(Event event, ProcessNode victim, List<PendingHolder> holders) {
    }

    private record PendingRaceEntry(FileObject object, FileObject.PendingRace race) {
    }

    private final List<PendingClose> closes = new ArrayList<>();
    private final List<PendingViolation> violations = new ArrayList<>();
    private final List<PendingRaceEntry> races = new ArrayList<>();
    private final Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);

    void inheritedClose(FileObject object, ProcessNode closer, Event e) {
        if (keep(FindingKind.INHERITED_HANDLE)) {
            closes.add(new PendingClose(object, closer, e.time(), e.record()));
        }
    }

    void sharingViolation(Event e, ProcessNode victim, List<PendingHolder> holders) {
        if (keep(FindingKind.SHARING_VIOLATION)) {
            violations.add(new PendingViolation(e, victim, holders));
        }
    }

    void spawnRace(FileObject object, SpawnLink spawn) {
        if (keep(FindingKind.SPAWN_RACE)) {
            FileObject.PendingRace race = new FileObject.PendingRace(spawn, spawn.tid());
            if (object.races == null) {
                object.races = new ArrayList<>(1);
            }
            object.races.add(race);
            races.add(new PendingRaceEntry(object, race));
        }
    }

    /** @return how many findings of each kind there were, kept or not */
    Map<FindingKind, Long> counts() {
        return counts;
    }

    /**
     * Writes every finding, most severe first, then in time order.
     *
     * @param stillOpen objects open at the end of the capture
     * @param end       the capture's last event time
     */
    List<Finding> findings(List<FileObject> stillOpen, long end) {
        List<Finding> out = new ArrayList<>();
        for (PendingClose c : closes) {
            out.add(inheritedHandle(c));
        }
        for (PendingRaceEntry r : races) {
            SpawnLink s = r.race().spawn;
            out.add(new SpawnRace(r.object().path, r.object().toFileOpen(), s.toSpawn(), r.race().spawnTid,
                    r.race().confirmed));
        }
        for (PendingViolation v : violations) {
            List<SharingViolation.Holder> holders = new ArrayList<>();
            for (PendingHolder h : v.holders()) {
                holders.add(new SharingViolation.Holder(h.object().toFileOpen(), h.inheritedBy(), h.conflicts()));
            }
            var request = v.event().detail().isEmpty() ? null
                    : CreateFileDetail.parse(v.event().detail());
            out.add(new SharingViolation(v.event().path(), v.victim().ref(), v.event().tid(), v.event().time(),
                    v.event().record(), request == null ? "" : request.desiredAccess(),
                    request == null ? "" : request.shareMode(), holders));
        }
        counts.put(FindingKind.OPEN_AT_END, (long) stillOpen.size());
        for (int i = 0; i < Math.min(stillOpen.size(), MAX_PER_KIND); i++) {
            FileObject o = stillOpen.get(i);
            out.add(new OpenAtEnd(o.path, o.toFileOpen(), o.carriersAliveAt(end)));
        }
        out.sort(Comparator.comparing(Finding::severity).thenComparingLong(Finding::at)
                .thenComparing(f -> f.kind().ordinal()));
        return out;
    }

    private InheritedHandle inheritedHandle(PendingClose c) {
        FileObject o = c.object();
        Map<ProcessNode, SpawnLink> carrierTo = new HashMap<>();
        o.carriers.forEach(link -> carrierTo.putIfAbsent(link.child(), link));
        List<Spawn> chain = new ArrayList<>();
        Set<ProcessNode> members = new HashSet<>();
        ProcessNode at = c.closer();
        // Each step takes a different carrier, so a malformed tree cannot make this loop forever.
        while (at != o.owner && chain.size() < o.carriers.size()) {
            SpawnLink link = carrierTo.get(at);
            if (link == null) {
                break;
            }
            chain.add(link.toSpawn());
            members.add(at);
            at = link.parent();
        }
        Collections.reverse(chain);
        List<ProcessRef> usedBy = new ArrayList<>();
        if (o.usedBy != null) {
            for (ProcessNode p : o.usedBy) {
                if (members.contains(p)) {
                    usedBy.add(p.ref());
                }
            }
        }
        InheritedHandle.Verdict verdict = usedBy.isEmpty() ? InheritedHandle.Verdict.LEAKED
                : InheritedHandle.Verdict.HANDED_OVER;
        return new InheritedHandle(o.path, verdict, o.toFileOpen(), c.closer().ref(), c.at(), c.record(), chain, usedBy);
    }

    private boolean keep(FindingKind kind) {
        long n = counts.merge(kind, 1L, Long::sum);
        return n <= MAX_PER_KIND;
    }
}
