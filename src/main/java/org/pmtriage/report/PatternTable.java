package org.pmtriage.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.analysis.Finding;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.Incidents;
import org.pmtriage.incident.Pattern;

/** A log's patterns, a row each, whose incident count expands to the incidents (linked when drawn). */
final class PatternTable {

    /** Incidents listed under one pattern; the rest are counted. */
    static final int MAX_INCIDENTS = 100;

    private final Incidents incidents;
    private final String id;
    private final Map<Finding, String> articles;

    /**
     * @param incidents the log's incidents and patterns
     * @param id        the log section's element id
     * @param articles  the element id of each finding drawn in full
     */
    PatternTable(Incidents incidents, String id, Map<Finding, String> articles) {
        this.incidents = incidents;
        this.id = id;
        this.articles = articles;
    }

    String render() {
        if (incidents.patterns().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder(8192).append("<h3>Patterns</h3><table class=\"patterns sortable\" id=\"")
                .append(id).append("-patterns\"><thead><tr>");
        for (String h : List.of("Severity", "Pattern", "Incidents", "Failed processes", "First", "Last")) {
            html.append("<th scope=\"col\" data-type=\"").append(h.equals("Pattern") ? "text" : "number")
                    .append("\"><button type=\"button\">").append(h).append("</button></th>");
        }
        html.append("</tr></thead><tbody>");
        for (Pattern p : incidents.patterns()) {
            html.append("<tr class=\"").append(p.severity().label()).append("\"><td data-sort=\"")
                    .append(p.severity().ordinal()).append("\"><span class=\"sev\">")
                    .append(p.severity().label().toUpperCase(Locale.ROOT)).append("</span></td><td><code>")
                    .append(Html.esc(p.key().title())).append("</code></td><td class=\"num\" data-sort=\"")
                    .append(p.incidents().size()).append("\"><details><summary>").append(Html.count(p.incidents().size()))
                    .append("</summary><ul class=\"incidents\">");
            List<Incident> listed = p.incidents().subList(0, Math.min(MAX_INCIDENTS, p.incidents().size()));
            for (Incident i : listed) {
                html.append("<li>");
                String target = i.findings().stream().map(articles::get).filter(a -> a != null).findFirst().orElse(null);
                if (target != null) {
                    html.append("<a href=\"#").append(target).append("\">").append(i.id()).append("</a>");
                } else {
                    html.append(i.id());
                }
                html.append(": ").append(Html.esc(i.headline())).append("</li>");
            }
            if (p.incidents().size() > listed.size()) {
                html.append("<li>").append(Html.count(p.incidents().size() - listed.size())).append(" more</li>");
            }
            html.append("</ul></details></td><td class=\"num\">").append(Html.count(p.failures()))
                    .append("</td><td class=\"time\" data-sort=\"").append(p.firstAt()).append("\">")
                    .append(Timeline.format(p.firstAt())).append("</td><td class=\"time\" data-sort=\"").append(p.lastAt())
                    .append("\">").append(Timeline.format(p.lastAt())).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }
}
