package org.pmtriage.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incident;
import org.pmtriage.report.Story.Step;

/**
 * One incident in full, told from one of its findings: what happened in a sentence or two, the timeline, the events it is
 * made of (rebuilt from the finding's data) and the piece of the process tree involved.
 */
final class FindingDetail {

    /** Events listed under a timeline. */
    static final int MAX_EVENTS = 30;
    /** Processes in the tree under a timeline. */
    static final int MAX_TREE = 16;
    /** Processes named in a sentence before the rest are counted. */
    private static final int MAX_NAMED = 3;

    private final FindingIndex index;
    private final StringBuilder html = new StringBuilder(16384);

    /** @param index the log's findings, to link related ones */
    FindingDetail(FindingIndex index) {
        this.index = index;
    }

    /** @return whether a finding of this kind is drawn with a timeline (inherited handles, sharing violations) */
    static boolean draws(Finding f) {
        return f instanceof InheritedHandle || f instanceof SharingViolation;
    }

    /**
     * @param incident the incident the article tells
     * @param f        its finding drawn: an inherited handle or a sharing violation
     * @param id       the article's element id
     * @return the {@code <article>}
     */
    String render(Incident incident, Finding f, String id) {
        Story story;
        String heading;
        if (f instanceof InheritedHandle h) {
            story = Story.of(h, index.blockedBy(h.open()));
            heading = "inherited handle, " + h.verdict().id();
        } else if (f instanceof SharingViolation v) {
            story = Story.of(v, index.closings());
            heading = "sharing violation" + (v.explained() ? "" : ", " + v.cause().id());
        } else {
            throw new IllegalArgumentException("no timeline for " + f.kind().id());
        }
        html.append("<article class=\"finding ").append(incident.severity().label()).append("\" id=\"").append(id)
                .append("\"><h4><span class=\"sev\">").append(incident.severity().label().toUpperCase(java.util.Locale.ROOT))
                .append("</span> ").append(incident.id()).append(": ").append(Html.esc(incident.headline())).append("</h4>");
        html.append("<p class=\"story\">");
        if (f instanceof InheritedHandle h) {
            leak(h);
        } else {
            violation((SharingViolation) f);
        }
        html.append("</p>");
        TimelineSvg svg = new TimelineSvg(story);
        html.append("<figure><div class=\"scroll\">").append(svg.render(id + "-svg", heading + ": " + f.path()))
                .append("</div><figcaption>Times in milliseconds after ").append(Timeline.format(svg.origin()))
                .append(". Bands: while a process may hold the file object.");
        if (svg.hiddenLanes() > 0) {
            html.append(' ').append(svg.hiddenLanes()).append(" more process(es) are not drawn.");
        }
        if (story.omittedHolders() > 0) {
            html.append(' ').append(story.omittedHolders()).append(" more holder(s) are left out (see --format json).");
        }
        html.append("</figcaption></figure>");
        events(story, svg.origin());
        tree(story);
        return html.append("</article>").toString();
    }

    private void leak(InheritedHandle h) {
        FileOpen open = h.open();
        Spawn first = h.chain().get(0);
        html.append(Html.who(open.opener())).append(" opened the file").append(access(open.desiredAccess(), open.shareMode()))
                .append("; ").append(Timeline.millisText(h.spawnGap())).append(" ms later it spawned ").append(Html.who(first.child()))
                .append(", which inherited the handle");
        for (Spawn s : h.chain().subList(1, h.chain().size())) {
            html.append(", and passed it on to ").append(Html.who(s.child()));
        }
        html.append(". ");
        for (SharingViolation v : index.blockedBy(open)) {
            html.append(Html.who(v.victim())).append(" was refused the file (SHARING VIOLATION) ")
                    .append(Timeline.millisText(v.at() - open.at())).append(" ms after the open");
            link(v);
            html.append(". ");
        }
        int more = index.blockedCount(open) - FindingIndex.MAX_BLOCKED;
        if (more > 0) {
            html.append("It was refused ").append(more).append(" more time(s). ");
        }
        html.append(Html.who(h.closer())).append(" closed it (CloseFile) ").append(Timeline.millisText(h.closedAt() - open.at()) + " ms")
                .append(" after the open; ").append(Html.esc(open.opener().name(), Html.MAX_NAME)).append(" never closed it. ");
        html.append(Html.esc(h.verdict().id())).append(": ").append(Html.esc(h.reason())).append('.');
    }

    private void violation(SharingViolation v) {
        html.append(Html.who(v.victim())).append(" was refused the file").append(access(v.desiredAccess(), v.shareMode()))
                .append(". ");
        if (v.holders().isEmpty()) {
            html.append("No open object on this path is known to a live process: it was opened before the capture"
                    + " began, or by an event the log does not show. ");
        }
        html.append("Cause: ").append(v.cause().id()).append(", ").append(Html.esc(v.reason())).append(". ");
        for (SharingViolation.Holder holder : v.holders().subList(0, Math.min(MAX_NAMED, v.holders().size()))) {
            FileOpen open = holder.open();
            html.append(holder.openerAlive() ? "Held by " : "Opened by ").append(Html.who(open.opener()))
                    .append(holder.openerAlive() ? "" : " (which had exited)").append(" since ")
                    .append(Timeline.millisText(v.at() - open.at())).append(" ms before")
                    .append(access(open.desiredAccess(), open.shareMode()))
                    .append(holder.conflicts() ? ", which conflicts with the request" : ", which allows the request");
            if (!holder.inheritedBy().isEmpty()) {
                html.append(holder.openerAlive() ? ", and by inheritance in " : ", held by inheritance in ").append(String.join(", ",
                        holder.inheritedBy().stream().limit(MAX_NAMED).map(s -> Html.who(s.child())).toList()));
                if (holder.inheritedBy().size() > MAX_NAMED) {
                    html.append(" and ").append(holder.inheritedBy().size() - MAX_NAMED).append(" more");
                }
            }
            InheritedHandle closed = index.closings().get(open.record());
            if (closed != null) {
                html.append("; ").append(Html.who(closed.closer())).append(" closed it ")
                        .append(Timeline.millisText(closed.closedAt() - v.at())).append(" ms after the refusal");
                link(closed);
            }
            html.append(". ");
        }
        if (v.holders().size() > MAX_NAMED) {
            html.append(v.holders().size() - MAX_NAMED).append(" more holder(s).");
        }
    }

    private void link(Finding related) {
        String target = index.articleId(related);
        if (target != null) {
            html.append(" (<a href=\"#").append(target).append("\">").append(related.kind().id()).append(" finding</a>)");
        }
    }

    private void events(Story story, long origin) {
        List<Step> steps = story.steps();
        html.append("<table class=\"events\"><caption>Events, rebuilt from the finding</caption><thead><tr>"
                + "<th scope=\"col\">Record</th><th scope=\"col\">Time of day</th><th scope=\"col\">ms</th>"
                + "<th scope=\"col\">Process</th><th scope=\"col\">Operation</th><th scope=\"col\">Result</th>"
                + "<th scope=\"col\">Detail</th></tr></thead><tbody>");
        for (Step s : steps.subList(0, Math.min(MAX_EVENTS, steps.size()))) {
            html.append("<tr class=\"").append(s.mark().css()).append('"');
            if (s.record() >= 0) {
                html.append(" data-record=\"").append(s.record()).append('"');
            }
            html.append("><td class=\"num\">").append(s.record() >= 0 ? Long.toString(s.record()) : "—")
                    .append("</td><td class=\"time\">").append(Timeline.format(s.at())).append("</td><td class=\"num\">")
                    .append(Timeline.millisText(s.at() - origin)).append("</td><td>").append(Html.who(s.process()))
                    .append("</td><td>").append(Html.esc(s.operation(), Html.MAX_NAME)).append("</td><td>")
                    .append(Html.esc(s.result(), Html.MAX_NAME))
                    .append("</td><td>").append(Html.esc(s.detail(), Html.MAX_DETAIL)).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (steps.size() > MAX_EVENTS) {
            html.append("<p class=\"more\">").append(steps.size() - MAX_EVENTS).append(" more events (see --format json).</p>");
        }
    }

    private void tree(Story story) {
        Map<ProcessRef, List<ProcessRef>> children = new LinkedHashMap<>();
        Set<ProcessRef> spawned = new HashSet<>();
        for (Spawn s : story.spawns()) {
            children.computeIfAbsent(s.parent(), k -> new ArrayList<>()).add(s.child());
            spawned.add(s.child());
        }
        html.append("<div class=\"tree\"><h5>Processes</h5><ul>");
        Set<ProcessRef> shown = new HashSet<>();
        for (ProcessRef p : story.roles().keySet()) {
            if (!spawned.contains(p)) {
                node(p, story.roles(), children, shown);
            }
        }
        html.append("</ul>");
        if (shown.size() < story.roles().size()) {
            html.append("<p class=\"more\">").append(story.roles().size() - shown.size()).append(" more process(es).</p>");
        }
        html.append("</div>");
    }

    private void node(ProcessRef p, Map<ProcessRef, String> roles, Map<ProcessRef, List<ProcessRef>> children,
                      Set<ProcessRef> shown) {
        if (shown.size() >= MAX_TREE || !shown.add(p)) {
            return;
        }
        html.append("<li><span class=\"proc\">").append(Html.who(p)).append("</span> <span class=\"role\">")
                .append(roles.getOrDefault(p, "")).append("</span>");
        if (!p.commandLine().isEmpty()) {
            html.append(" <code class=\"cmd\">").append(Html.esc(p.commandLine(), Html.MAX_DETAIL)).append("</code>");
        }
        html.append(" <span class=\"life\">started ").append(p.startedAt() == ProcessRef.UNKNOWN_TIME
                ? "before the capture" : Timeline.format(p.startedAt())).append(", exited ")
                .append(p.exitedAt() == ProcessRef.UNKNOWN_TIME ? "not within the capture" : Timeline.format(p.exitedAt()))
                .append("</span>");
        List<ProcessRef> kids = children.getOrDefault(p, List.of());
        if (!kids.isEmpty()) {
            html.append("<ul>");
            kids.forEach(k -> node(k, roles, children, shown));
            html.append("</ul>");
        }
        html.append("</li>");
    }

    private static String access(String desiredAccess, String shareMode) {
        if (desiredAccess.isEmpty()) {
            return "";
        }
        return " [" + Html.esc(desiredAccess) + "; share: " + (shareMode.isEmpty() ? "?" : Html.esc(shareMode)) + "]";
    }
}
