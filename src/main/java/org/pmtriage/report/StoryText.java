package org.pmtriage.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.Incidents;
import org.pmtriage.incident.PatternKey;

/**
 * One incident told in text: its events from all of its findings in time order, what they mean,
 * and the ids of its findings.
 */
final class StoryText {

    /** Refused opens and holders told per incident; the rest are counted. */
    static final int MAX_LINES_OF_A_KIND = 3;

    private record Line(long at, String text) {
    }

    private final List<Line> timed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private StoryText() {
    }

    /** @return the lines that tell the incident, without indentation */
    static List<String> of(Incident incident, Incidents incidents) {
        StoryText story = new StoryText();
        story.tell(incident);
        List<String> lines = new ArrayList<>();
        story.timed.sort(Comparator.comparingLong(Line::at));
        story.timed.forEach(l -> lines.add(Timeline.format(l.at()) + "  " + l.text()));
        lines.addAll(story.notes);
        lines.addAll(DiagnosisText.of(incident, incidents));
        StringBuilder ids = new StringBuilder("Findings:");
        String sep = " ";
        for (Finding f : incident.findings()) {
            ids.append(sep).append(incidents.findingId(f)).append(' ').append(f.kind().id()).append(' ')
                    .append(PatternKey.gradeOf(f));
            sep = ", ";
        }
        lines.add(ids.toString());
        return lines;
    }

    private void tell(Incident incident) {
        Finding lead = incident.lead();
        FileOpen open = FindingTable.open(lead);
        if (open != null) {
            timed.add(new Line(open.at(), open.opener() + " opened it" + access(open) + thread(open.tid())));
        }
        Set<String> spawned = new HashSet<>();
        if (lead instanceof InheritedHandle h) {
            for (Spawn s : h.chain()) {
                String gap = spawned.isEmpty() ? ", " + Timeline.millisText(h.spawnGap()) + " ms after the open" : "";
                spawned.add(s.child().pid() + "@" + s.at());
                timed.add(new Line(s.at(), s.parent() + " spawned " + s.child() + gap + ", which inherited the handle"));
            }
        }
        for (Finding f : incident.findings()) {
            if (f instanceof SpawnRace r && spawned.add(r.spawn().child().pid() + "@" + r.spawn().at())) {
                timed.add(new Line(r.spawn().at(), r.spawn().parent() + " spawned " + r.spawn().child()
                        + thread(r.spawnTid()) + ", " + Timeline.millisText(r.gap()) + " ms after the open, while it was open"));
            }
        }
        refused(incident);
        if (lead instanceof InheritedHandle h) {
            for (ProcessRef p : h.usedBy()) {
                notes.add(p + " used the inherited handle (read/write).");
            }
            timed.add(new Line(h.closedAt(), h.closer() + " closed it (CloseFile), " + Timeline.millisText(h.closedAt()
                    - h.open().at()) + " ms after the open; " + h.open().opener().name() + " never closed it"));
            notes.add("Evidence (" + h.verdict().id() + "): " + h.reason() + ".");
        } else if (lead instanceof SpawnRace r) {
            notes.add("Evidence (" + r.grade().id() + "): " + r.reason() + ".");
        } else if (lead instanceof SharingViolation v) {
            holders(v);
            if (!v.explained()) {
                notes.add("Evidence (" + v.cause().id() + "): " + v.reason() + ".");
            }
        } else if (lead instanceof OpenAtEnd o) {
            notes.add("Still open when the capture ended" + (o.inheritedBy().isEmpty() ? "."
                    : "; " + o.inheritedBy().size() + " process(es) spawned after the open may hold it too."));
        }
    }

    private void refused(Incident incident) {
        List<SharingViolation> violations = incident.violations();
        for (SharingViolation v : violations.subList(0, Math.min(MAX_LINES_OF_A_KIND, violations.size()))) {
            timed.add(new Line(v.at(), v.victim() + " was refused the file" + request(v) + thread(v.tid())
                    + ": SHARING VIOLATION"));
        }
        if (violations.size() > MAX_LINES_OF_A_KIND) {
            notes.add("... and " + (violations.size() - MAX_LINES_OF_A_KIND) + " more refused open(s) of this object,"
                    + " listed under Findings.");
        }
        for (ProcessRef p : incident.failed().subList(0, Math.min(MAX_LINES_OF_A_KIND, incident.failed().size()))) {
            if (p.exitedAt() != ProcessRef.UNKNOWN_TIME) {
                timed.add(new Line(p.exitedAt(), p + " exited with status " + p.exitStatus()));
            }
        }
    }

    private void holders(SharingViolation v) {
        for (SharingViolation.Holder h : v.holders().subList(0, Math.min(MAX_LINES_OF_A_KIND, v.holders().size()))) {
            FileOpen open = h.open();
            String opened = open.opener() + ", opened at " + Timeline.format(open.at()) + access(open);
            notes.add(!h.conflicts() ? "also open by " + opened + "; its share mode allows the request"
                    : h.openerAlive() ? "held by " + opened + " (conflicts with the request)"
                    : "opened by " + opened + ", which had exited; held through inheritance (conflicts with the request)");
            if (!h.openedAs().equalsIgnoreCase(v.path())) {
                notes.add("  (it opened the same file as " + h.openedAs() + ")");
            }
            for (Spawn s : h.inheritedBy().subList(0, Math.min(MAX_LINES_OF_A_KIND, h.inheritedBy().size()))) {
                notes.add("  and by inheritance through " + s.parent() + " -> " + s.child() + " at "
                        + Timeline.format(s.at()) + " (" + Timeline.millisText(s.at() - open.at()) + " ms after the open)"
                        + (s.child().equals(v.victim()) ? ", the refused process itself" : ""));
            }
            if (h.inheritedBy().size() > MAX_LINES_OF_A_KIND) {
                notes.add("  and through " + (h.inheritedBy().size() - MAX_LINES_OF_A_KIND) + " more spawn(s)");
            }
        }
        if (v.holders().size() > MAX_LINES_OF_A_KIND) {
            notes.add("and " + (v.holders().size() - MAX_LINES_OF_A_KIND) + " more holder(s) (see --format json)");
        }
    }

    private static String access(FileOpen open) {
        if (open.desiredAccess().isEmpty()) {
            return "";
        }
        return " [" + open.desiredAccess() + "; share: " + (open.shareMode().isEmpty() ? "?" : open.shareMode()) + "]";
    }

    private static String request(SharingViolation v) {
        return v.desiredAccess().isEmpty() ? "" : " [" + v.desiredAccess() + "; share: " + v.shareMode() + "]";
    }

    private static String thread(int tid) {
        return tid >= 0 ? " (thread " + tid + ")" : "";
    }

    static String incidentsIds(List<Incident> list, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(max, list.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(list.get(i).id());
        }
        if (list.size() > max) {
            sb.append(", ... (").append(list.size() - max).append(" more)");
        }
        return sb.toString();
    }
}
