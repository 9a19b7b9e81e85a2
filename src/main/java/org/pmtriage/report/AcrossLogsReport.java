package org.pmtriage.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmtriage.event.Printable;
import org.pmtriage.incident.LogPatterns;
import org.pmtriage.incident.PatternRanking;

/**
 * The view across many logs ({@code analyze} of several logs, and {@code summarize}): the grand
 * total by log status and the patterns ranked across logs, in text, JSON and HTML
 * (docs/report-format.md, "Across logs").
 */
public final class AcrossLogsReport {

    /** Patterns listed in text unless every one is asked for. */
    public static final int TEXT_PATTERNS = 10;
    /** Logs named per pattern in text. */
    static final int LOGS_NAMED = 5;

    private final PatternRanking ranking;
    private final List<PatternRanking.Ranked> ranked;

    /** @param ranking the logs, with their patterns */
    public AcrossLogsReport(PatternRanking ranking) {
        this.ranking = ranking;
        this.ranked = ranking.ranked();
    }

    /** @return the logs, in the order they were added */
    public List<LogPatterns> logs() {
        return ranking.logs();
    }

    /** @return how many logs have each status, e.g. {@code error=2, unreadable=1} */
    public Map<String, Long> byStatus() {
        Map<String, Long> counts = new TreeMap<>();
        for (LogPatterns log : ranking.logs()) {
            counts.merge(log.status(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * Writes the total and the ranking for people.
     *
     * @param out     where to write; flushed, not closed
     * @param listing every pattern when {@link Listing#all()}, else the first {@link #TEXT_PATTERNS}
     */
    public void text(PrintWriter out, Listing listing) {
        PrintWriter printable = new PrintWriter(Printable.writer(out));
        int logs = ranking.logs().size();
        long failing = ranking.logs().stream().filter(LogPatterns::failing).count();
        StringBuilder statuses = new StringBuilder();
        byStatus().forEach((status, n) -> statuses.append(statuses.length() == 0 ? "" : ", ").append(n).append(' ')
                .append(status));
        printable.printf("Total: %s (%s)%n", TextReport.plural(logs, "log"), statuses);
        int shown = listing.all() ? ranked.size() : Math.min(TEXT_PATTERNS, ranked.size());
        if (!ranked.isEmpty()) {
            printable.println("Patterns across logs, most harmful first:");
        }
        for (PatternRanking.Ranked r : ranked.subList(0, shown)) {
            printable.printf("  %-7s %s%n", r.severity().label(), r.key().title());
            printable.printf("          in %d of %d logs; processes failed in %d of %d failing logs; %s, %s%n",
                    r.logs().size(), logs, r.failingLogs(), failing, TextReport.plural(r.incidents(), "incident"),
                    TextReport.plural(r.failures(), "failed process", "failed processes"));
            printable.printf("          logs: %s%s%n", String.join(", ", r.logs().subList(0,
                    Math.min(LOGS_NAMED, r.logs().size()))), r.logs().size() > LOGS_NAMED
                    ? ", ... (" + (r.logs().size() - LOGS_NAMED) + " more)" : "");
        }
        if (shown < ranked.size()) {
            printable.printf("  ... %d more pattern(s) (--all lists every one)%n", ranked.size() - shown);
        }
        printable.flush();
    }

    /**
     * Writes one pretty JSON document: the logs with their status, the total and the ranking
     * ({@code summarize --format json}).
     *
     * @param out where to write; flushed, not closed
     * @throws IOException when writing fails
     */
    public void json(PrintWriter out) throws IOException {
        JsonGenerator json = JsonOutput.pretty(out);
        json.writeStartObject();
        json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
        json.writeArrayFieldStart("logs");
        for (LogPatterns log : ranking.logs()) {
            json.writeStartObject();
            json.writeStringField("path", log.log());
            json.writeStringField("status", log.status());
            json.writeEndObject();
        }
        json.writeEndArray();
        jsonFields(json);
        json.writeEndObject();
        json.close();
        out.println();
        out.flush();
    }

    /**
     * Writes the {@code total} and {@code patterns} fields into an open JSON object.
     *
     * @param out a generator inside an object
     * @throws IOException when writing fails
     */
    public void jsonFields(JsonGenerator out) throws IOException {
        ObjectNode total = JsonReport.mapper().createObjectNode();
        total.put("logs", ranking.logs().size());
        ObjectNode statuses = total.putObject("byStatus");
        byStatus().forEach(statuses::put);
        total.put("patterns", ranked.size());
        total.put("incidents", ranked.stream().mapToLong(PatternRanking.Ranked::incidents).sum());
        total.put("failures", ranked.stream().mapToLong(PatternRanking.Ranked::failures).sum());
        out.writeFieldName("total");
        JsonReport.mapper().writeTree(out, total);
        ArrayNode patterns = JsonReport.mapper().createArrayNode();
        for (PatternRanking.Ranked r : ranked) {
            ObjectNode n = patterns.addObject();
            IncidentJson.key(n, r.key());
            n.put("severity", r.severity().label());
            n.put("logCount", r.logs().size());
            n.put("failingLogs", r.failingLogs());
            n.put("incidents", r.incidents());
            n.put("failures", r.failures());
            ArrayNode logs = n.putArray("logs");
            r.logs().forEach(logs::add);
        }
        out.writeFieldName("patterns");
        JsonReport.mapper().writeTree(out, patterns);
    }

    /**
     * @param anchors the element id of each log's section on the same page, by log; logs without
     *                one are named, not linked
     * @return the HTML section of the view across logs (a total and a table of patterns)
     */
    public String html(Map<String, String> anchors) {
        StringBuilder sb = new StringBuilder("<section class=\"across\" id=\"across\" aria-labelledby=\"across-h\">"
                + "<h2 id=\"across-h\">Across ");
        sb.append(Html.count(ranking.logs().size())).append(" logs</h2><p class=\"meta\">");
        byStatus().forEach((status, n) -> sb.append(Html.count(n)).append(' ').append(Html.esc(status)).append(". "));
        sb.append("</p><table class=\"patterns sortable\" id=\"across-table\"><thead><tr>");
        for (String h : List.of("Severity", "Pattern", "Logs", "Failing logs explained", "Incidents", "Failed processes")) {
            sb.append("<th scope=\"col\" data-type=\"").append(h.equals("Pattern") ? "text" : "number")
                    .append("\"><button type=\"button\">").append(h).append("</button></th>");
        }
        sb.append("</tr></thead><tbody>");
        for (PatternRanking.Ranked r : ranked) {
            sb.append("<tr class=\"").append(r.severity().label()).append("\"><td data-sort=\"")
                    .append(r.severity().ordinal()).append("\"><span class=\"sev\">")
                    .append(r.severity().label().toUpperCase(Locale.ROOT)).append("</span></td><td><details><summary><code>")
                    .append(Html.esc(r.key().title())).append("</code></summary><ul>");
            for (String log : r.logs()) {
                String anchor = anchors.get(log);
                sb.append("<li>").append(anchor == null ? Html.esc(log)
                        : "<a href=\"#" + anchor + "\">" + Html.esc(log) + "</a>").append("</li>");
            }
            sb.append("</ul></details></td><td class=\"num\">").append(r.logs().size()).append("</td><td class=\"num\">")
                    .append(r.failingLogs()).append("</td><td class=\"num\">").append(r.incidents())
                    .append("</td><td class=\"num\">").append(r.failures()).append("</td></tr>");
        }
        return sb.append("</tbody></table></section>\n").toString();
    }
}
