package org.pmtriage.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.HealthNote;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;

/**
 * The report for people: a short post-mortem per error and warning, most severe first, a line per
 * informational finding (the first {@link #INFO_LINES}), then a summary.
 */
public final class TextReport {

    /** Informational findings listed one per line before the rest are only counted. */
    public static final int INFO_LINES = 20;

    private final PrintWriter out;

    /** @param out where to write; not closed; control characters from the log are shown as {@code ?} */
    public TextReport(PrintWriter out) {
        this.out = new PrintWriter(new PrintableWriter(out));
    }

    /** Writes one log's report. */
    public void write(Report report) {
        List<Finding> findings = report.result().findings();
        Map<Long, List<SharingViolation>> blockedByOpen = violationsByHolder(findings);
        out.printf("pmtriage: %s (%s)%n", report.path(), report.format());
        out.printf("Times: %s%n", report.frame().describe());
        for (HealthNote note : report.result().summary().health()) {
            out.printf("Capture health (%s): %s.%n", note.id(), note.text());
        }
        out.println();
        int info = 0;
        for (Finding f : findings) {
            if (f.severity() == Severity.INFO) {
                if (info++ < INFO_LINES) {
                    infoLine(f);
                }
                continue;
            }
            if (f instanceof InheritedHandle h) {
                inherited(h, blockedByOpen.getOrDefault(h.open().record(), List.of()));
            } else if (f instanceof SpawnRace r) {
                race(r);
            } else if (f instanceof SharingViolation v) {
                violation(v);
            }
            out.println();
        }
        if (info > INFO_LINES) {
            out.printf("  ... and %d more informational findings (see --format json)%n", info - INFO_LINES);
        }
        if (info > 0) {
            out.println();
        }
        summary(report);
        out.flush();
    }

    private void inherited(InheritedHandle h, List<SharingViolation> blocked) {
        FileOpen open = h.open();
        header(h, "inherited handle, " + h.verdict().id());
        line(open.at(), who(open.opener()) + " opened it" + access(open) + thread(open.tid()));
        Spawn first = h.chain().get(0);
        for (Spawn s : h.chain()) {
            String gap = s == first ? " " + ms(h.spawnGap()) + " ms after the open" : "";
            line(s.at(), who(s.parent()) + " spawned " + who(s.child()) + gap + ", which inherited the handle");
        }
        for (SharingViolation v : blocked) {
            line(v.at(), who(v.victim()) + " was refused the file: SHARING VIOLATION");
        }
        for (ProcessRef p : h.usedBy()) {
            out.printf("  %s used the inherited handle (read/write)%n", who(p));
        }
        line(h.closedAt(), who(h.closer()) + " closed it (CloseFile), " + ms(h.closedAt() - open.at())
                + " ms after the open; " + open.opener().name() + " never closed it");
        out.printf("  Evidence: %s.%n", h.reason());
    }

    private void race(SpawnRace r) {
        header(r, "spawn race, " + r.grade().id());
        line(r.open().at(), who(r.open().opener()) + " opened it" + access(r.open()) + thread(r.open().tid()));
        line(r.spawn().at(), who(r.spawn().parent()) + " spawned " + who(r.spawn().child()) + thread(r.spawnTid())
                + ", " + ms(r.gap()) + " ms " + (r.gap() < 0 ? "before the open's timestamp" : "later")
                + ", while the file was still open");
        out.printf("  Evidence: %s.%n", r.reason());
    }

    private void violation(SharingViolation v) {
        header(v, "sharing violation" + (v.explained() ? "" : ", " + v.cause().id()));
        line(v.at(), who(v.victim()) + " was refused the file" + request(v) + thread(v.tid()));
        for (SharingViolation.Holder h : v.holders()) {
            FileOpen open = h.open();
            String opened = (h.openerAlive() ? "" : "opened by ") + who(open.opener()) + ", opened at "
                    + Timeline.format(open.at()) + access(open) + (h.openerAlive() ? "" : ", which had exited");
            if (!h.conflicts()) {
                out.printf("  also open by %s; its share mode allows the request%n", opened);
            } else if (h.openerAlive()) {
                out.printf("  held by %s (conflicts with the request)%n", opened);
            } else {
                out.printf("  %s; held through inheritance (conflicts with the request)%n", opened);
            }
            if (!h.openedAs().equals(v.path())) {
                out.printf("    (it opened the same file as %s)%n", h.openedAs());
            }
            for (Spawn s : h.inheritedBy()) {
                out.printf("    and by inheritance through %s -> %s at %s (%s ms after the open)%s%n",
                        who(s.parent()), who(s.child()), Timeline.format(s.at()), ms(s.at() - open.at()),
                        s.child().equals(v.victim()) ? ", the refused process itself" : "");
            }
        }
        if (v.cause() != SharingViolation.Cause.HELD) {
            out.printf("  Evidence: %s.%n", v.reason());
        }
    }

    private void infoLine(Finding f) {
        if (f instanceof InheritedHandle h && h.verdict() == InheritedHandle.Verdict.HANDED_OVER) {
            out.printf("info  %s handed over from %s to %s (used by %s)%n", h.path(), who(h.open().opener()),
                    who(h.closer()), h.usedBy().isEmpty() ? "nobody" : who(h.usedBy().get(0)));
        } else if (f instanceof InheritedHandle h) {
            out.printf("info  %s %s from %s into %s: %s%n", h.path(), h.verdict().id(), who(h.open().opener()),
                    who(h.closer()), h.reason());
        } else if (f instanceof SpawnRace r) {
            out.printf("info  %s spawn race, %s: %s spawned %s %s ms after opening it; %s%n", r.path(), r.grade().id(),
                    who(r.spawn().parent()), who(r.spawn().child()), ms(r.gap()), r.reason());
        } else if (f instanceof OpenAtEnd o) {
            out.printf("info  %s still open at the end, opened by %s at %s%n", o.path(), who(o.open().opener()),
                    Timeline.format(o.open().at()));
        }
    }

    private void summary(Report report) {
        CaptureSummary s = report.result().summary();
        var r = report.result();
        long errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long leaked = r.findings().stream().filter(f -> f instanceof InheritedHandle h
                && h.verdict() != InheritedHandle.Verdict.HANDED_OVER).count();
        long handedOver = r.count(FindingKind.INHERITED_HANDLE) - leaked;
        long explained = r.findings().stream().filter(f -> f instanceof SharingViolation v && v.explained()).count();
        StringBuilder grades = new StringBuilder();
        r.raceGrades().forEach((grade, n) -> grades.append(grades.length() == 0 ? " (" : ", ").append(n).append(' ')
                .append(grade));
        out.printf("Summary: %d leaked handle(s), %d sharing violation(s) (%d explained), %d spawn race(s)%s,"
                        + " %d handed-over handle(s), %d object(s) open at the end%n",
                leaked, r.count(FindingKind.SHARING_VIOLATION), explained, r.count(FindingKind.SPAWN_RACE),
                grades.length() == 0 ? "" : grades + ")", handedOver, r.count(FindingKind.OPEN_AT_END));
        out.printf("Capture: %d events, %d processes, %s to %s (%s s), %d skipped record(s), %d unmatched CloseFile(s)%n",
                s.events(), s.processes(), Timeline.format(s.firstTime()), Timeline.format(s.lastTime()),
                String.format(Locale.ROOT, "%.3f", (s.lastTime() - s.firstTime()) / (double) Timeline.TICKS_PER_SECOND),
                s.skippedRecords(), s.unmatchedCloses());
        out.printf("Result: %s%n", errors == 0 ? "no errors" : errors + " error finding(s)");
    }

    private void header(Finding f, String what) {
        out.printf("%s  %s: %s%n", f.severity().label().toUpperCase(Locale.ROOT), what, f.path());
    }

    private void line(long at, String text) {
        out.printf("  %s  %s%n", Timeline.format(at), text);
    }

    private static Map<Long, List<SharingViolation>> violationsByHolder(List<Finding> findings) {
        Map<Long, List<SharingViolation>> map = new HashMap<>();
        for (Finding f : findings) {
            if (f instanceof SharingViolation v) {
                for (SharingViolation.Holder h : v.holders()) {
                    map.computeIfAbsent(h.open().record(), k -> new ArrayList<>()).add(v);
                }
            }
        }
        return map;
    }

    private static String who(ProcessRef p) {
        return p.toString();
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

    private static String ms(long ticks) {
        return Timeline.millisText(ticks);
    }
}
