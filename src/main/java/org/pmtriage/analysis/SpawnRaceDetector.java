package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.pmtriage.event.CreateFileDetail;
import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;

/**
 * Spawn races: a process created a child while an object it had opened shortly before was still
 * open. Each race is graded once its object is released (or at the end) by the first rule that
 * applies: refuted, confirmed, intended, benign, likely, possible ({@link RaceGrade}).
 */
final class SpawnRaceDetector implements HandleListener {

    /** A race until it is graded and written. */
    static final class Pending {
        final FileObject object;
        final SpawnLink spawn;
        final boolean orderAmbiguous;
        RaceGrade grade;
        /** Says why, made only for a listed race: most are counted, not listed. */
        Supplier<String> why;
        String reason;
        boolean harmful;

        Pending(FileObject object, SpawnLink spawn, boolean orderAmbiguous) {
            this.object = object;
            this.spawn = spawn;
            this.orderAmbiguous = orderAmbiguous;
        }
    }

    private final FindingCounts counts;
    private final List<Pending> listed = new ArrayList<>();
    /** Races by grade's ordinal. */
    private final long[] byGrade = new long[RaceGrade.values().length];
    private boolean listRefuted;

    SpawnRaceDetector(FindingCounts counts) {
        this.counts = counts;
    }

    /** Refuted races are counted only, unless asked for. */
    void listRefuted(boolean list) {
        listRefuted = list;
    }

    @Override
    public void raced(FileObject object, SpawnLink spawn, boolean orderAmbiguous) {
        if (object.races == null) {
            object.races = new ArrayList<>(1);
        }
        object.races.add(new Pending(object, spawn, orderAmbiguous));
    }

    @Override
    public void released(FileObject object) {
        gradeAll(object);
    }

    /**
     * Grades the races of objects still open and writes every listed race.
     *
     * @param stillOpen objects open at the end
     * @param health    what the capture lacks
     */
    List<SpawnRace> findings(List<FileObject> stillOpen, List<HealthNote> health) {
        boolean closesSeen = health.stream().noneMatch(h -> h.id().equals(CaptureHealth.NO_CLOSE_EVENTS));
        stillOpen.forEach(this::gradeAll);
        List<SpawnRace> out = new ArrayList<>(listed.size());
        for (Pending p : listed) {
            String reason = closesSeen ? p.reason : p.reason + "; the capture has no CloseFile events, so nothing"
                    + " shows the file was still open when the child was created, nor settles the race";
            out.add(new SpawnRace(p.object.path, p.object.toFileOpen(), p.spawn.toSpawn(), p.spawn.tid(), p.grade,
                    reason, p.harmful, closesSeen));
        }
        return out;
    }

    /** @return every race by grade, listed or not (refuted ones included) */
    Map<RaceGrade, Long> byGrade() {
        Map<RaceGrade, Long> out = new EnumMap<>(RaceGrade.class);
        for (RaceGrade grade : RaceGrade.values()) {
            if (byGrade[grade.ordinal()] > 0) {
                out.put(grade, byGrade[grade.ordinal()]);
            }
        }
        return out;
    }

    private void gradeAll(FileObject object) {
        if (object.races == null) {
            return;
        }
        for (Pending p : object.races) {
            grade(p);
            if (p.object.record > p.spawn.record() && p.grade != RaceGrade.CONFIRMED && p.grade != RaceGrade.INTENDED) {
                // The spawn was logged first: without a child that closed or used the object, nothing
                // shows the file was open at the spawn at all.
                continue;
            }
            byGrade[p.grade.ordinal()]++;
            if (p.grade == RaceGrade.REFUTED && !listRefuted) {
                counts.countUnlisted(FindingKind.SPAWN_RACE, 1);
            } else if (counts.count(FindingKind.SPAWN_RACE, p.grade.severity(p.harmful))) {
                p.reason = p.why.get();
                listed.add(p);
            }
            p.why = null;
        }
        object.races = null;
    }

    private void grade(Pending p) {
        FileObject o = p.object;
        ProcessNode child = p.spawn.child();
        p.harmful = o.harmful();
        boolean closedByOther = o.closer != null && o.closer != o.owner;
        boolean throughChild = closedByOther && carriedThrough(o, o.closer, child);
        if (o.closer == o.owner && o.closeUnambiguous && everyChildAlive(o, o.closedAt)) {
            set(p, RaceGrade.REFUTED, () -> o.owner.ref() + " released its own last handle at " + Timeline.format(o.closedAt)
                    + " while " + childrenText(o) + " still running: no child held a copy");
        } else if (closedByOther && !throughChild && o.closeUnambiguous && child.aliveAt(o.closedAt)) {
            set(p, RaceGrade.REFUTED, () -> o.closer.ref() + " released the last handle at " + Timeline.format(o.closedAt)
                    + " while " + child.ref() + " was still running: it held no copy");
        } else if (throughChild && !o.usedThrough(child)) {
            set(p, RaceGrade.CONFIRMED, () -> o.closer.ref() + " released the last handle at " + Timeline.format(o.closedAt)
                    + (o.closer == child ? "" : ", through " + child.ref()) + ", and no process that got it from "
                    + o.owner.ref() + " through " + child.ref() + " used it");
        } else if (o.usedThrough(child)) {
            set(p, RaceGrade.INTENDED, () -> child.ref() + (o.usedBy.contains(child) ? "" : " or a process it spawned")
                    + " read or wrote through it: a hand-over, as redirection does");
        } else if (o.directory()) {
            set(p, RaceGrade.BENIGN, () -> "a directory handle (such as the current directory): it only matters to deleting"
                    + " or renaming the folder");
        } else if (o.detailKnown() && !o.written() && !o.sharedRestrictively()
                && (o.parsedDetail().accessBits() & CreateFileDetail.DELETE) == 0) {
            set(p, RaceGrade.BENIGN, () -> "opened read-only with share " + o.parsedDetail().shareMode()
                    + ": a copy blocks no reader or writer");
        } else if (o.tid != Event.UNKNOWN && p.spawn.tid() != Event.UNKNOWN && o.tid != p.spawn.tid()) {
            set(p, RaceGrade.LIKELY, () -> "opened on thread " + o.tid + " and the child spawned from thread " + p.spawn.tid()
                    + ": another thread spawned while the file was open" + ambiguity(p));
        } else if (o.ownerWroteAt > p.spawn.at()) {
            set(p, RaceGrade.LIKELY, () -> o.owner.ref() + " kept writing through it after the spawn, so it was open and in use"
                    + " when the child was created" + ambiguity(p));
        } else {
            String why = o.tid == Event.UNKNOWN || p.spawn.tid() == Event.UNKNOWN ? "the log does not give both threads"
                    : "opened and spawned on the same thread " + o.tid;
            set(p, RaceGrade.POSSIBLE, () -> why + "; a handle created inheritable still leaks into a child spawned with"
                    + " handle inheritance" + ambiguity(p));
        }
    }

    private static String ambiguity(Pending p) {
        if (!p.orderAmbiguous) {
            return "";
        }
        return "; the open and the spawn are " + Timeline.millisText(Math.abs(p.spawn.at() - p.object.openedAt))
                + " ms apart on different or unknown threads, so the log cannot tell which came first";
    }

    private static void set(Pending p, RaceGrade grade, Supplier<String> why) {
        p.grade = grade;
        p.why = why;
    }

    /** @return whether {@code holder} got the object through a spawn of {@code child} (or is it) */
    private static boolean carriedThrough(FileObject o, ProcessNode holder, ProcessNode child) {
        for (SpawnLink link : o.chainTo(holder)) {
            if (link.child() == child) {
                return true;
            }
        }
        return false;
    }

    private static boolean everyChildAlive(FileObject o, long time) {
        for (Pending r : o.races) {
            if (!r.spawn.child().aliveAt(time)) {
                return false;
            }
        }
        return true;
    }

    private static String childrenText(FileObject o) {
        if (o.races.size() == 1) {
            return o.races.get(0).spawn.child().ref() + " was";
        }
        return "every child spawned since (" + o.races.size() + ") was";
    }
}
