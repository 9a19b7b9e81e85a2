package org.pmtriage.incident;

import java.util.List;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;

/** Writes an incident's story in one sentence, from its lead finding and the opens it made fail. */
final class Headline {

    private Headline() {
    }

    static String of(Finding lead, List<SharingViolation> violations) {
        if (lead instanceof InheritedHandle h) {
            return inherited(h) + refused(violations);
        } else if (lead instanceof SpawnRace r) {
            return r.open().opener() + " spawned " + r.spawn().child() + " " + Timeline.millisText(r.gap())
                    + " ms after opening " + r.path() + ", while it was open (race " + PatternKey.gradeOf(r) + ")"
                    + refused(violations);
        } else if (lead instanceof SharingViolation v) {
            return violated(v, violations);
        } else if (lead instanceof OpenAtEnd o) {
            return o.open().opener() + " opened " + o.path() + " at " + Timeline.format(o.open().at())
                    + " and it was still open when the capture ended";
        }
        throw new IllegalArgumentException("unknown finding " + lead.kind());
    }

    private static String inherited(InheritedHandle h) {
        ProcessRef opener = h.open().opener();
        Spawn first = h.chain().get(0);
        ProcessRef last = h.chain().get(h.chain().size() - 1).child();
        String gap = Timeline.millisText(h.spawnGap()) + " ms after opening it";
        String onward = last.equals(first.child()) ? "" : " and on to " + last;
        return switch (h.verdict().id()) {
            case "handed-over" -> opener + " handed " + h.path() + " over to " + first.child() + " " + gap + onward
                    + ", which used it";
            case "leaked-after-hand-over" -> opener + " handed " + h.path() + " over to " + first.child() + " " + gap
                    + "; it leaked on into " + last;
            default -> opener + " leaked " + h.path() + " into " + first.child() + " " + gap + onward;
        };
    }

    private static String refused(List<SharingViolation> violations) {
        if (violations.isEmpty()) {
            return "";
        }
        SharingViolation v = violations.get(0);
        String more = violations.size() == 1 ? "" : " (and " + (violations.size() - 1) + " more refused open(s))";
        if (v.victim().failed()) {
            return "; " + v.victim() + " then failed with SHARING VIOLATION (exit status " + v.victim().exitStatus()
                    + ")" + more;
        }
        return "; " + v.victim() + " was then refused it with SHARING VIOLATION" + more;
    }

    private static String violated(SharingViolation v, List<SharingViolation> violations) {
        String more = violations.size() <= 1 ? "" : " (and " + (violations.size() - 1) + " more refused open(s))";
        SharingViolation.Holder holder = Incidents.mainHolder(v);
        String held = holder == null ? "; no holder is known" : " while " + holder.open().opener() + " held it";
        String exit = v.victim().failed() ? " and exited with status " + v.victim().exitStatus() : "";
        return v.victim() + " was refused " + v.path() + " with SHARING VIOLATION" + held + exit + more;
    }
}
