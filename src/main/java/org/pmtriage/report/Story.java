package org.pmtriage.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.FileUse;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;

/**
 * What the page shows of one error finding: the processes involved, the events rebuilt from the
 * finding's data (the log is never read again), the spawns between the processes, and when each
 * process may hold the file object.
 */
final class Story {

    /** Holders of a sharing violation that are drawn; the rest are counted. */
    static final int MAX_HOLDERS = 8;
    /** Spawns drawn per holder of a sharing violation. */
    static final int MAX_SPAWNS = 8;

    /** The kinds of event a timeline marks. */
    enum Mark {
        OPEN("CreateFile"), SPAWN("Process Create"), USE("I/O"), REFUSED("SHARING VIOLATION"),
        CLOSE("CloseFile"), EXIT("Process Exit");

        private final String label;

        Mark(String label) {
            this.label = label;
        }

        /** @return the text a timeline writes beside the mark and the legend names it by */
        String label() {
            return label;
        }

        /** @return the CSS class of the mark */
        String css() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One event of the story.
     *
     * @param record the log's record number, or -1 when the finding does not carry it
     * @param child  the created process of a spawn, else null
     */
    record Step(Mark mark, ProcessRef process, long at, long record, String operation, String result,
                String detail, ProcessRef child) {

        /** @return the label written on the timeline */
        String label() {
            return mark == Mark.USE ? operation : mark.label();
        }
    }

    /** A stretch of time during which {@code process} may hold the object; {@code to} is {@link Long#MAX_VALUE} when open-ended. */
    record Hold(ProcessRef process, long from, long to) {
    }

    /** What tells processes apart: findings snapshot a process at different moments, so its exit time may differ. */
    private record Identity(int pid, String name, long startedAt) {
        static Identity of(ProcessRef p) {
            return new Identity(p.pid(), p.name(), p.startedAt());
        }
    }

    private final String path;
    private final Map<Identity, ProcessRef> known = new HashMap<>();
    private Map<ProcessRef, String> roles = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Set<List<Object>> spawnKeys = new HashSet<>();
    private final Set<Spawn> spawns = new LinkedHashSet<>();
    private final List<Hold> holds = new ArrayList<>();
    private int omittedHolders;

    private Story(String path) {
        this.path = path;
    }

    /**
     * @param h       a leaked (or handed-over) handle
     * @param blocked sharing violations this object caused
     * @return its story: open, uses, the spawns that carried it, the refused opens, the close
     */
    static Story of(InheritedHandle h, List<SharingViolation> blocked) {
        Story s = new Story(h.path());
        FileOpen open = h.open();
        s.role(open.opener(), "opener");
        s.open(open);
        long end = h.closedAt();
        s.holds.add(new Hold(open.opener(), open.at(), Math.min(end, exit(open.opener()))));
        for (Spawn sp : h.chain()) {
            s.spawn(sp, end);
        }
        for (SharingViolation v : blocked) {
            for (SharingViolation.Holder holder : v.holders()) {
                if (holder.open().record() == open.record()) {
                    holder.inheritedBy().stream().limit(MAX_SPAWNS).forEach(sp -> s.spawn(sp, end));
                }
            }
            s.refused(v);
        }
        s.role(h.closer(), "closer");
        s.steps.add(new Step(Mark.CLOSE, h.closer(), h.closedAt(), h.closeRecord(), "CloseFile", "SUCCESS", "", null));
        return s.finish();
    }

    /**
     * @param v        a refused open
     * @param closings inherited-handle findings by the record of their CreateFile, to show who closed a holder
     * @return its story: each holder's open, uses and spawns, the refused open, and known closes
     */
    static Story of(SharingViolation v, Map<Long, InheritedHandle> closings) {
        Story s = new Story(v.path());
        List<SharingViolation.Holder> holders = v.holders();
        s.omittedHolders = Math.max(0, holders.size() - MAX_HOLDERS);
        for (SharingViolation.Holder holder : holders.subList(0, Math.min(MAX_HOLDERS, holders.size()))) {
            FileOpen open = holder.open();
            s.role(open.opener(), "holder");
            s.open(open);
            InheritedHandle closed = closings.get(open.record());
            long end = closed != null ? closed.closedAt() : Long.MAX_VALUE;
            s.holds.add(new Hold(open.opener(), open.at(), Math.min(end, exit(open.opener()))));
            holder.inheritedBy().stream().limit(MAX_SPAWNS).forEach(sp -> s.spawn(sp, end));
            if (closed != null) {
                s.role(closed.closer(), "closer");
                s.steps.add(new Step(Mark.CLOSE, closed.closer(), closed.closedAt(), closed.closeRecord(), "CloseFile",
                        "SUCCESS", "", null));
            }
        }
        s.refused(v);
        return s.finish();
    }

    private void open(FileOpen open) {
        steps.add(new Step(Mark.OPEN, open.opener(), open.at(), open.record(), "CreateFile", "SUCCESS",
                detail(open.desiredAccess(), open.shareMode()), null));
        for (FileUse u : open.uses()) {
            role(u.process(), "inherited");
            steps.add(new Step(Mark.USE, u.process(), u.at(), u.record(), u.operation(), "", "", null));
        }
    }

    private void spawn(Spawn sp, long end) {
        if (!spawnKeys.add(List.of(Identity.of(sp.parent()), Identity.of(sp.child()), sp.at()))) {
            return;
        }
        spawns.add(sp);
        role(sp.parent(), "inherited");
        role(sp.child(), "inherited");
        steps.add(new Step(Mark.SPAWN, sp.parent(), sp.at(), sp.record(), "Process Create", "SUCCESS",
                "PID: " + sp.child().pid() + ", Command line: " + sp.child().commandLine(), sp.child()));
        holds.add(new Hold(sp.child(), sp.at(), Math.min(end, exit(sp.child()))));
    }

    private void refused(SharingViolation v) {
        role(v.victim(), "victim");
        steps.add(new Step(Mark.REFUSED, v.victim(), v.at(), v.record(), "CreateFile", "SHARING VIOLATION",
                detail(v.desiredAccess(), v.shareMode()), null));
    }

    private Story finish() {
        Map<ProcessRef, String> named = roles;
        roles = new LinkedHashMap<>();
        named.forEach((p, role) -> role(same(p), role));
        steps.replaceAll(st -> new Step(st.mark(), same(st.process()), st.at(), st.record(), st.operation(), st.result(),
                st.detail(), st.child() == null ? null : same(st.child())));
        List<Spawn> raw = List.copyOf(spawns);
        spawns.clear();
        raw.forEach(sp -> spawns.add(new Spawn(same(sp.parent()), same(sp.child()), sp.at(), sp.record())));
        holds.replaceAll(h -> new Hold(same(h.process()), h.from(), Math.min(h.to(), exit(same(h.process())))));
        for (ProcessRef p : roles.keySet()) {
            if (p.exitedAt() != ProcessRef.UNKNOWN_TIME) {
                steps.add(new Step(Mark.EXIT, p, p.exitedAt(), -1, "Process Exit", "SUCCESS", "", null));
            }
        }
        steps.sort(Comparator.comparingLong(Step::at).thenComparing(st -> st.mark() == Mark.EXIT)
                .thenComparingLong(Step::record));
        return this;
    }

    /** @return the process as the story shows it: the snapshot that knows the most about it */
    private ProcessRef same(ProcessRef p) {
        return known.get(Identity.of(p));
    }

    /** Keeps the first role given to a process, except that opener, victim and closer win over "inherited". */
    private void role(ProcessRef p, String role) {
        known.merge(Identity.of(p), p, (a, b) -> new ProcessRef(a.pid(), a.name(),
                a.commandLine().length() >= b.commandLine().length() ? a.commandLine() : b.commandLine(), a.startedAt(),
                a.exitedAt() != ProcessRef.UNKNOWN_TIME ? a.exitedAt() : b.exitedAt(), a.instance(),
                a.exitStatus() != ProcessRef.UNKNOWN_STATUS ? a.exitStatus() : b.exitStatus(), a.identity()));
        String had = roles.get(p);
        if (had == null || had.equals("inherited") && !role.equals("inherited")) {
            roles.put(p, role);
        }
    }

    private static long exit(ProcessRef p) {
        return p.exitedAt() == ProcessRef.UNKNOWN_TIME ? Long.MAX_VALUE : p.exitedAt();
    }

    private static String detail(String access, String share) {
        if (access.isEmpty() && share.isEmpty()) {
            return "";
        }
        return "Desired Access: " + access + ", ShareMode: " + share;
    }

    /** @return the file */
    String path() {
        return path;
    }

    /** @return the processes involved, in the order they enter the story, each with its role */
    Map<ProcessRef, String> roles() {
        return roles;
    }

    /** @return the events, in time order */
    List<Step> steps() {
        return steps;
    }

    /** @return the spawns between the processes */
    Set<Spawn> spawns() {
        return spawns;
    }

    /** @return when each process may hold the object */
    List<Hold> holds() {
        return holds;
    }

    /** @return holders of a sharing violation left out */
    int omittedHolders() {
        return omittedHolders;
    }
}
