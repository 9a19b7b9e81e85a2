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
        out.printf("Times: %s%n%n", report.frame().describe());
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
            out.printf("  %s used the inherited handle (read/write), so the hand-over looks intended%n", who(p));
        }
        line(h.closedAt(), who(h.closer()) + " closed it (CloseFile), " + ms(h.closedAt() - open.at())
                + " ms after the open; " + open.opener().name() + " never closed it");
        if (h.verdict() == InheritedHandle.Verdict.LEAKED) {
            out.printf("  Nobody along the chain used the handle: it leaked into %s and kept the file open.%n",
                    h.chain().get(0).child().name());
        }
    }

    private void race(SpawnRace r) {
        header(r, "spawn race" + (r.confirmed() ? ", confirmed" : ""));
        line(r.open().at(), who(r.open().opener()) + " opened it" + access(r.open()) + thread(r.open().tid()));
        line(r.spawn().at(), who(r.spawn().parent()) + " spawned " + who(r.spawn().child()) + thread(r.spawnTid())
                + ", " + ms(r.gap()) + " ms later, while the file was still open");
        out.printf("  %s%n", r.confirmed() ? "The child did inherit it: the file was later closed by another process."
                : "The child may have inherited the handle; no other process closed it in the capture.");
    }

    private void violation(SharingViolation v) {
        header(v, "sharing violation" + (v.explained() ? "" : ", unexplained"));
        line(v.at(), who(v.victim()) + " was refused the file" + request(v) + thread(v.tid()));
        if (v.holders().isEmpty()) {
            out.println("  No open object on this path is known: it was opened before the capture began,"
                    + " or by an event the log does not show.");
        }
        for (SharingViolation.Holder h : v.holders()) {
            FileOpen open = h.open();
            out.printf("  held by %s, opened at %s%s%s%n", who(open.opener()), Timeline.format(open.at()), access(open),
                    h.conflicts() ? " (conflicts with the request)" : "");
            for (Spawn s : h.inheritedBy()) {
                out.printf("    and by inheritance through %s -> %s at %s (%s ms after the open)%n",
                        who(s.parent()), who(s.child()), Timeline.format(s.at()), ms(s.at() - open.at()));
            }
        }
    }

    private void infoLine(Finding f) {
        if (f instanceof InheritedHandle h) {
            out.printf("info  %s handed over from %s to %s (used by %s)%n", h.path(), who(h.open().opener()),
                    who(h.closer()), h.usedBy().isEmpty() ? "nobody" : who(h.usedBy().get(0)));
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
                && h.verdict() == InheritedHandle.Verdict.LEAKED).count();
        long handedOver = r.count(FindingKind.INHERITED_HANDLE) - leaked;
        long confirmed = r.findings().stream().filter(f -> f instanceof SpawnRace race && race.confirmed()).count();
        long explained = r.findings().stream().filter(f -> f instanceof SharingViolation v && v.explained()).count();
        out.printf("Summary: %d leaked handle(s), %d sharing violation(s) (%d explained), %d spawn race(s)"
                        + " (%d confirmed), %d handed-over handle(s), %d object(s) open at the end%n",
                leaked, r.count(FindingKind.SHARING_VIOLATION), explained, r.count(FindingKind.SPAWN_RACE),
                confirmed, handedOver, r.count(FindingKind.OPEN_AT_END));
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
        return p.name() + " (" + p.pid() + ")";
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
        return String.format(Locale.ROOT, "%.1f", ticks / (double) Timeline.TICKS_PER_MILLI);
    }
}
