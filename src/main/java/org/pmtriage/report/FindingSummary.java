package org.pmtriage.report;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;

/**
 * A finding in one title and one sentence, for the places CI shows a line per problem (JUnit test
 * cases, GitHub annotations, a Markdown summary).
 *
 * @param title   what kind of problem, e.g. {@code inherited handle, leaked}
 * @param path    the file the finding is about
 * @param message who did what, in one sentence
 */
record FindingSummary(String title, String path, String message) {

    /** @return the path and the message, e.g. {@code C:\b\x.cpp: opened by ...} */
    String line() {
        return path + ": " + message;
    }

    static FindingSummary of(Finding f) {
        if (f instanceof InheritedHandle h) {
            return new FindingSummary("inherited handle, " + h.verdict().id(), h.path(), "opened by "
                    + who(h.open().opener()) + " at " + Timeline.format(h.open().at()) + ", inherited by "
                    + who(h.chain().get(0).child()) + " " + Timeline.millisText(h.spawnGap()) + " ms later and closed by "
                    + who(h.closer()) + " at " + Timeline.format(h.closedAt()));
        }
        if (f instanceof SpawnRace r) {
            return new FindingSummary("spawn race, " + r.grade().id(), r.path(),
                    who(r.open().opener()) + " opened it at " + Timeline.format(r.open().at()) + " and spawned "
                    + who(r.spawn().child()) + " " + Timeline.millisText(r.gap()) + " ms later, while it was open");
        }
        if (f instanceof SharingViolation v) {
            String holders = v.holders().isEmpty() ? "no known holder"
                    : "held by " + String.join(", ", v.holders().stream().map(h -> who(h.open().opener())).toList());
            return new FindingSummary("sharing violation" + (v.explained() ? "" : ", " + v.cause().id()), v.path(),
                    who(v.victim()) + " was refused the file at " + Timeline.format(v.at()) + ", " + holders);
        }
        OpenAtEnd o = (OpenAtEnd) f;
        return new FindingSummary("open at the end", o.path(), "opened by " + who(o.open().opener()) + " at "
                + Timeline.format(o.open().at()) + ", never closed within the capture");
    }

    private static String who(ProcessRef p) {
        return p.name() + " (" + p.pid() + ")";
    }
}
