package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;
import org.pmtriage.event.Printable;

/**
 * Sharing violations: a CreateFile refused with SHARING VIOLATION. Only a holder that could hold
 * the file at that moment (its opener alive, or a live process that may have inherited it) and
 * whose access or share mode conflicts with the request explains it; otherwise a live process
 * running the file as its image may; otherwise it is unexplained, and the report says so.
 */
final class SharingViolationDetector implements HandleListener {

    private record PendingHolder(FileObject object, List<SpawnLink> carriers, boolean conflicts, boolean openerAlive) {
    }

    private record Pending(Event event, CreateFileDetail request, ProcessNode victim, List<PendingHolder> holders,
                           SharingViolation.Cause cause, List<ProcessNode> imageOf) {
    }

    /** Holders named across all violations; past it, a violation names only its first holder. */
    static final int MAX_NAMED_HOLDERS = 100_000;
    /** Violations listed per file; the rest on that file are counted. */
    static final int MAX_LISTED_PER_FILE = 1_000;

    private final FindingCounts counts;
    private final RunningImages images;
    private final Consumer<String> warnings;
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, Integer> listedPerFile = new HashMap<>();
    private long namedHolders;
    private boolean perFileWarned;

    SharingViolationDetector(FindingCounts counts, RunningImages images, Consumer<String> warnings) {
        this.counts = counts;
        this.images = images;
        this.warnings = warnings;
    }

    @Override
    public void refused(Event e, String key, ProcessNode victim, List<FileObject> open) {
        CreateFileDetail request = e.detail().isEmpty() ? null : CreateFileDetail.parse(e.detail());
        List<PendingHolder> conflicting = new ArrayList<>();
        List<PendingHolder> compatible = new ArrayList<>();
        for (FileObject o : open) {
            boolean conflicts = request == null || !o.detailKnown() || o.parsedDetail().conflictsWith(request);
            List<SpawnLink> carriers = new ArrayList<>();
            for (SpawnLink link : o.carriers()) {
                if (link.child().aliveAt(e.time()) && carriers.size() < FileObject.LISTED_CARRIERS) {
                    carriers.add(link);
                }
            }
            PendingHolder h = new PendingHolder(o, carriers, conflicts, o.owner.aliveAt(e.time()));
            (conflicts ? conflicting : compatible).add(h);
            if (conflicts) {
                o.causedViolation = true;
            }
        }
        SharingViolation.Cause cause = SharingViolation.Cause.UNEXPLAINED;
        List<ProcessNode> imageOf = List.of();
        if (!conflicting.isEmpty()) {
            cause = SharingViolation.Cause.HELD;
        } else if (request == null || request.writes()) {
            imageOf = images.liveAt(key, e.time());
            if (!imageOf.isEmpty()) {
                cause = SharingViolation.Cause.RUNNING_IMAGE;
            }
        }
        int onFile = listedPerFile.size() < MAX_LISTED_PER_FILE * 100 || listedPerFile.containsKey(key)
                ? listedPerFile.merge(key, 1, Integer::sum) : 1;
        if (onFile > MAX_LISTED_PER_FILE) {
            counts.countUnlisted(FindingKind.SHARING_VIOLATION, 1);
            if (!perFileWarned) {
                perFileWarned = true;
                warnings.accept("more than " + MAX_LISTED_PER_FILE + " sharing violations on one file ("
                        + Printable.of(e.path()) + "): later ones on it are counted, not listed");
            }
        } else if (counts.count(FindingKind.SHARING_VIOLATION)) {
            conflicting.addAll(compatible);
            List<PendingHolder> named = conflicting;
            if (namedHolders + named.size() > MAX_NAMED_HOLDERS && named.size() > 1) {
                if (namedHolders <= MAX_NAMED_HOLDERS) {
                    warnings.accept("more than " + MAX_NAMED_HOLDERS + " holders named in sharing violations: later"
                            + " ones name only their first holder");
                    namedHolders = MAX_NAMED_HOLDERS + 1L;
                }
                named = List.of(named.get(0));
            }
            namedHolders += named.size();
            pending.add(new Pending(e, request, victim, named, cause, imageOf));
        }
    }

    /**
     * @param filtered whether the capture shows signs of a filter, so a holder's open may be missing
     * @return the violations found, with lifetimes as known at the end of the pass
     */
    List<SharingViolation> findings(boolean filtered) {
        List<SharingViolation> out = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            Event e = p.event();
            List<SharingViolation.Holder> holders = new ArrayList<>();
            for (PendingHolder h : p.holders()) {
                holders.add(new SharingViolation.Holder(h.object().toFileOpen(),
                        h.carriers().stream().filter(link -> mayHaveHeld(h.object(), link)).map(SpawnLink::toSpawn)
                                .toList(), h.conflicts(), h.openerAlive(), h.object().path));
            }
            CreateFileDetail request = p.request();
            out.add(new SharingViolation(e.path(), p.victim().ref(), e.tid(), e.time(), e.record(),
                    request == null ? "" : request.desiredAccess(), request == null ? "" : request.shareMode(),
                    holders, p.cause(), p.imageOf().stream().map(ProcessNode::ref).toList(),
                    reason(p, holders, filtered)));
        }
        return out;
    }

    /**
     * @return false when the object's last handle was later released by a process that did not get
     *         it through this spawn while the spawn's child was alive: the child held no copy then
     */
    private static boolean mayHaveHeld(FileObject o, SpawnLink link) {
        if (o.closer == null || !o.closeUnambiguous || !link.child().aliveAt(o.closedAt)) {
            return true;
        }
        return o.chainTo(o.closer).contains(link);
    }

    private static String reason(Pending p, List<SharingViolation.Holder> holders, boolean filtered) {
        return switch (p.cause()) {
            case HELD -> {
                SharingViolation.Holder h = holders.get(0);
                String who = h.openerAlive() ? h.open().opener().toString()
                        : h.inheritedBy().isEmpty() ? "a process that inherited it"
                        : h.inheritedBy().get(h.inheritedBy().size() - 1).child() + ", which inherited it from "
                        + h.open().opener() + " (exited),";
                yield who + " held it" + (h.open().desiredAccess().isEmpty() || p.event().detail().isEmpty()
                        ? ", and the log lacks the access or share mode to show the conflict"
                        : " with access and share mode that exclude the request");
            }
            case RUNNING_IMAGE -> "the file is the image or a loaded module of " + p.imageOf().get(0).ref()
                    + ", which was running: a mapped image cannot be opened for writing";
            case UNEXPLAINED -> (holders.isEmpty() ? "no live process held an open object on this path"
                    : "every live holder's share mode allows the request")
                    + (filtered ? "; the capture is filtered, so the holder's open may be missing"
                    : "; the holder opened it before the capture began, or the log does not show it");
        };
    }
}
