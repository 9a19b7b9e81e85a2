package org.pmtriage.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.HealthNote;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.Incidents;
import org.pmtriage.report.Story.Mark;

/**
 * The HTML report: one self-contained page (inline CSS, script and SVG; its Content-Security-Policy
 * forbids fetching anything): the view across logs when there are several, then a section per log.
 * Each section gives the verdict, the capture, the patterns in a table whose rows expand to their
 * incidents, the first {@code details} error incidents in full with one timeline each, the findings
 * by kind and severity, and the findings not drawn in a sortable table of at most
 * {@link #TABLE_ROWS} rows, so the page stays small for any capture. Documented in
 * {@code docs/report-format.md}.
 */
public final class HtmlReport {

    /** Error findings per log drawn in full unless told otherwise. */
    public static final int DEFAULT_DETAILS = 50;
    /** Rows of a log's table of findings; the rest are counted. */
    public static final int TABLE_ROWS = 1000;

    private static final String CSS = resource("report.css");
    private static final String HEAD_SCRIPT = resource("report-errors.js");
    private static final String SCRIPT = resource("report.js");

    private final int details;

    /** @param details error findings per log drawn in full with a timeline (0 or more) */
    public HtmlReport(int details) {
        if (details < 0) {
            throw new IllegalArgumentException("details must be 0 or more");
        }
        this.details = details;
    }

    /**
     * Writes the page.
     *
     * @param reports the logs that were read, in argument order
     * @param errors  why other logs could not be read, one message each
     * @param out     where to write; flushed, not closed
     */
    public void write(List<Report> reports, List<String> errors, PrintWriter out) {
        write(reports, errors, null, out);
    }

    /**
     * Writes the page.
     *
     * @param reports the logs that were read, in argument order
     * @param errors  why other logs could not be read, one message each
     * @param across  the view across the logs, first on the page; null for none
     * @param out     where to write; flushed, not closed
     */
    public void write(List<Report> reports, List<String> errors, AcrossLogsReport across, PrintWriter out) {
        String title = reports.size() == 1 ? reports.get(0).path() : reports.size() + " logs";
        head(title, out);
        out.print(reports.size() + " log(s) analyzed by " + generator() + ".</p>");
        out.print("<div id=\"script-errors\" role=\"alert\" hidden></div>");
        for (String e : errors) {
            out.print("<p class=\"unread\">Not read: " + Html.esc(e) + "</p>");
        }
        if (reports.size() > 1) {
            out.print("<nav><ul>");
            for (int i = 0; i < reports.size(); i++) {
                out.print("<li><a href=\"#log-" + (i + 1) + "\">" + Html.esc(reports.get(i).path()) + "</a></li>");
            }
            out.print("</ul></nav>");
        }
        out.print(legend() + "</header>\n<main>");
        if (across != null) {
            Map<String, String> anchors = new HashMap<>();
            for (int i = 0; i < reports.size(); i++) {
                anchors.put(reports.get(i).path(), "log-" + (i + 1));
            }
            out.print(across.html(anchors));
        }
        for (int i = 0; i < reports.size(); i++) {
            section(reports.get(i), "log-" + (i + 1), out);
        }
        foot(out);
    }

    /**
     * Writes a page with the view across logs alone ({@code summarize --format html}).
     *
     * @param across the view
     * @param out    where to write; flushed, not closed
     */
    public static void writeAcross(AcrossLogsReport across, PrintWriter out) {
        head(across.logs().size() + " logs", out);
        out.print("Patterns across " + across.logs().size() + " log(s), summarized by " + generator() + ".</p>"
                + "<div id=\"script-errors\" role=\"alert\" hidden></div></header>\n<main>");
        out.print(across.html(Map.of()));
        foot(out);
    }

    private static void head(String title, PrintWriter out) {
        out.print("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"color-scheme\" content=\"light dark\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"
                + " script-src 'unsafe-inline'\"><title>pmtriage: ");
        out.print(Html.esc(title));
        out.print("</title><style>" + CSS + "</style><script>" + HEAD_SCRIPT + "</script></head>\n<body>"
                + "<header><h1>pmtriage report</h1><p class=\"meta\">");
    }

    private static void foot(PrintWriter out) {
        out.print("</main><footer>Times are the log's own times of day (HH:mm:ss.fffffff); record numbers count"
                + " events from 1 in the log. The events under each timeline are rebuilt from the findings, not read"
                + " again from the log.</footer>\n<script>" + SCRIPT + "</script></body></html>\n");
        out.flush();
    }

    private void section(Report report, String id, PrintWriter out) {
        AnalysisResult result = report.result();
        Incidents incidents = report.incidents();
        List<Incident> drawn = new ArrayList<>();
        Map<Finding, String> articles = new IdentityHashMap<>();
        for (Incident i : incidents.incidents()) {
            Finding drawable = drawable(i);
            if (drawn.size() < details && i.severity() == Severity.ERROR && drawable != null) {
                drawn.add(i);
                articles.put(drawable, id + "-" + i.id());
            }
        }
        FindingIndex index = new FindingIndex(result.findings(), articles);
        out.print("<section class=\"log\" id=\"" + id + "\" aria-labelledby=\"" + id + "-h\"><h2 id=\"" + id + "-h\">"
                + Html.esc(report.path()) + "</h2>");
        out.print("<p class=\"verdict " + (drawn.isEmpty() && incidents.incidents().stream()
                .noneMatch(i -> i.severity() == Severity.ERROR) ? "ok" : "error") + "\">"
                + Html.esc(TextReport.verdict(incidents)) + "</p>");
        capture(report, out);
        out.print(new PatternTable(incidents, id, articles).render());
        long errors = incidents.incidents().stream().filter(i -> i.severity() == Severity.ERROR).count();
        if (errors > 0) {
            out.print("<h3>Error incidents</h3>");
        }
        for (Incident i : drawn) {
            Finding f = drawable(i);
            out.print(new FindingDetail(index).render(i, f, articles.get(f)));
            out.print(DiagnosisHtml.of(i, incidents));
            out.print('\n');
        }
        if (errors > drawn.size()) {
            out.print("<p class=\"more\">" + Html.count(errors - drawn.size()) + " more error incident(s) are rows of the"
                    + " tables (--html-details sets how many are drawn).</p>");
        }
        counts(result, out);
        Set<Incident> told = Collections.newSetFromMap(new IdentityHashMap<>());
        told.addAll(drawn);
        List<Finding> rest = result.findings().stream().filter(f -> !told.contains(incidents.incidentOf(f))).toList();
        if (!rest.isEmpty()) {
            out.print("<h3>Findings not drawn</h3>");
            out.print(new FindingTable().render(rest.subList(0, Math.min(TABLE_ROWS, rest.size())), id + "-table"));
            if (rest.size() > TABLE_ROWS) {
                out.print("<p class=\"more\">" + Html.count(rest.size() - TABLE_ROWS) + " more finding(s) are not"
                        + " listed on this page; --format json --findings all lists them all.</p>");
            }
        }
        out.print("</section>\n");
    }

    /** @return the finding an incident's timeline is drawn from, or null when it has none to draw */
    private static Finding drawable(Incident i) {
        if (i.lead() instanceof InheritedHandle || i.lead() instanceof SharingViolation) {
            return i.lead();
        }
        return i.violations().isEmpty() ? null : i.violations().get(0);
    }

    private static void capture(Report report, PrintWriter out) {
        CaptureSummary s = report.result().summary();
        out.print("<dl class=\"capture\"><dt>Format</dt><dd>" + Html.esc(report.format()) + "</dd><dt>Events</dt><dd>"
                + Html.count(s.events()) + "</dd><dt>Time span</dt><dd>");
        out.print(s.events() == 0 ? "no events" : Timeline.format(s.firstTime()) + " to " + Timeline.format(s.lastTime())
                + " (" + Timeline.millisText(s.lastTime() - s.firstTime()) + " ms)");
        out.print("</dd><dt>Times</dt><dd>" + Html.esc(report.frame().describe()));
        out.print("</dd><dt>Processes</dt><dd>" + Html.count(s.processes()) + "</dd><dt>Skipped records</dt><dd>"
                + Html.count(s.skippedRecords()) + "</dd><dt>Unmatched CloseFile</dt><dd>" + Html.count(s.unmatchedCloses())
                + "</dd>");
        out.print(DiagnosisHtml.runtimes(report.incidents().diagnosis()));
        for (HealthNote note : s.health()) {
            out.print("<dt>Capture health</dt><dd class=\"health\" data-id=\"" + Html.esc(note.id()) + "\">"
                    + Html.esc(note.text()) + "</dd>");
        }
        out.print("</dl>");
    }

    private static void counts(AnalysisResult result, PrintWriter out) {
        long[][] bySeverity = new long[FindingKind.values().length][Severity.values().length];
        for (Finding f : result.findings()) {
            bySeverity[f.kind().ordinal()][f.severity().ordinal()]++;
        }
        out.print("<table class=\"counts\"><caption>Findings by kind and severity</caption><thead><tr><th scope=\"col\">"
                + "Kind</th>");
        for (Severity s : Severity.values()) {
            out.print("<th scope=\"col\" class=\"num\">" + s.label() + "</th>");
        }
        out.print("<th scope=\"col\" class=\"num\">found</th></tr></thead><tbody>");
        boolean unlisted = false;
        for (FindingKind k : FindingKind.values()) {
            out.print("<tr><th scope=\"row\">" + k.id() + "</th>");
            long listed = 0;
            for (Severity s : Severity.values()) {
                long n = bySeverity[k.ordinal()][s.ordinal()];
                listed += n;
                out.print("<td class=\"num" + (n > 0 ? " " + s.label() : "") + "\">" + Html.count(n) + "</td>");
            }
            unlisted |= result.count(k) > listed;
            out.print("<td class=\"num\">" + Html.count(result.count(k)) + "</td></tr>");
        }
        out.print("</tbody></table>");
        if (unlisted) {
            out.print("<p class=\"more\">Past 100,000 findings of a kind, findings are counted (found) but not listed.</p>");
        }
    }

    private static String legend() {
        StringBuilder sb = new StringBuilder("<figure class=\"legend\"><svg xmlns=\"http://www.w3.org/2000/svg\""
                + " viewBox=\"0 0 1000 30\" width=\"1000\" height=\"30\" role=\"img\" aria-labelledby=\"legend-title\">"
                + "<title id=\"legend-title\">Legend of the timeline marks</title>");
        double x = 12;
        for (Mark m : Mark.values()) {
            sb.append("<g class=\"mark ").append(m.css()).append(" key\">").append(TimelineSvg.shape(m, x, 15))
                    .append("<text x=\"").append((int) x + 12).append("\" y=\"19\">").append(m.label()).append("</text></g>");
            x += 36 + m.label().length() * 7.2;
        }
        sb.append("<rect class=\"hold\" x=\"").append((int) x).append("\" y=\"10\" width=\"28\" height=\"10\"/><text x=\"")
                .append((int) x + 34).append("\" y=\"19\">may hold the file object</text></svg></figure>");
        return sb.toString();
    }

    private static String generator() {
        String version = HtmlReport.class.getPackage().getImplementationVersion();
        return version == null ? "pmtriage" : "pmtriage " + version;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
