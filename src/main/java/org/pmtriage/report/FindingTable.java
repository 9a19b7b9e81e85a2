package org.pmtriage.report;

import java.util.List;
import java.util.Locale;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;

/** Findings not drawn in full, a row each, in a table the page's script sorts by any column. */
final class FindingTable {

    private final StringBuilder html = new StringBuilder(65536);

    /**
     * @param findings the rows, most severe first
     * @param id       the table's element id
     * @return the {@code <table>}
     */
    String render(List<Finding> findings, String id) {
        html.append("<table class=\"findings sortable\" id=\"").append(id).append("\"><thead><tr>");
        header("Severity", "number");
        header("Kind", "text");
        header("Time of day", "number");
        header("Record", "number");
        header("Path", "text");
        header("Processes", "text");
        header("What happened", "text");
        html.append("</tr></thead><tbody>");
        findings.forEach(this::row);
        return html.append("</tbody></table>").toString();
    }

    private void header(String name, String type) {
        html.append("<th scope=\"col\" data-type=\"").append(type).append("\"><button type=\"button\">").append(name)
                .append("</button></th>");
    }

    private void row(Finding f) {
        html.append("<tr class=\"").append(f.severity().label()).append("\"><td data-sort=\"").append(f.severity().ordinal())
                .append("\"><span class=\"sev\">").append(f.severity().label().toUpperCase(Locale.ROOT))
                .append("</span></td><td>").append(f.kind().id()).append("</td><td class=\"time\" data-sort=\"")
                .append(f.at()).append("\">").append(Timeline.format(f.at())).append("</td><td class=\"num\">")
                .append(record(f)).append("</td><td><code>").append(Html.esc(f.path())).append("</code></td><td>");
        if (f instanceof InheritedHandle h) {
            html.append(Html.who(h.open().opener())).append(" → ").append(Html.who(h.closer())).append("</td><td>")
                    .append(h.verdict().id()).append(": ").append(Html.esc(h.reason())).append("; closed by the child ").append(Timeline.millisText(h.closedAt() - h.at()) + " ms")
                    .append(" after the open; spawn ").append(Timeline.millisText(h.spawnGap())).append(" ms after the open");
            if (!h.usedBy().isEmpty()) {
                html.append("; used by ").append(Html.who(h.usedBy().get(0)));
            }
        } else if (f instanceof SpawnRace r) {
            html.append(Html.who(r.spawn().parent())).append(" → ").append(Html.who(r.spawn().child())).append("</td><td>")
                    .append("spawn ").append(Timeline.millisText(r.gap())).append(" ms after the open")
                    .append("; ").append(r.grade().id()).append(": ").append(Html.esc(r.reason()));
        } else if (f instanceof SharingViolation v) {
            html.append(Html.who(v.victim())).append("</td><td>refused; ")
                    .append(v.cause().id()).append(": ").append(Html.esc(v.reason()));
        } else if (f instanceof OpenAtEnd o) {
            html.append(Html.who(o.open().opener())).append("</td><td>never closed")
                    .append(o.inheritedBy().isEmpty() ? "" : "; may be inherited through " + o.inheritedBy().size() + " spawn(s)");
        }
        html.append(writes(f)).append("</td></tr>");
    }

    private static long record(Finding f) {
        return f instanceof SharingViolation v ? v.record() : open(f).record();
    }

    private static String writes(Finding f) {
        return f instanceof SharingViolation || !open(f).writes() ? "" : " (opened for writing)";
    }

    /** @return the CreateFile a finding is about, or null for a sharing violation (which has holders) */
    static FileOpen open(Finding f) {
        if (f instanceof InheritedHandle h) {
            return h.open();
        } else if (f instanceof SpawnRace r) {
            return r.open();
        } else if (f instanceof OpenAtEnd o) {
            return o.open();
        }
        return null;
    }
}
