package org.pmtriage.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLStreamException;

import com.fasterxml.jackson.core.JsonGenerator;
import org.pmtriage.incident.LogPatterns;
import org.pmtriage.incident.PatternRanking;

/**
 * The reports of logs analyzed together, in every format: one log's report alone; several in
 * order, framed (one JSON document with a {@code logs} array, a JSON line each), with the view
 * across them where the format has one, and a line for each log that could not be read.
 */
public final class BatchReport {

    private final List<LogOutcome> outcomes;

    /** @param outcomes the logs in the order named, at least one */
    public BatchReport(List<LogOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one log");
        }
        this.outcomes = List.copyOf(outcomes);
    }

    /** @return the reports of the logs that were read, in order */
    public List<Report> reports() {
        return outcomes.stream().flatMap(o -> o.report().stream()).toList();
    }

    /** @return why each log that could not be read was not, in order */
    public List<String> errors() {
        return outcomes.stream().flatMap(o -> o.error().stream()).toList();
    }

    /** @return the patterns ranked across the logs, once there are two or more */
    public Optional<AcrossLogsReport> across() {
        if (outcomes.size() < 2) {
            return Optional.empty();
        }
        PatternRanking ranking = new PatternRanking();
        for (LogOutcome o : outcomes) {
            ranking.add(o.report().map(r -> LogPatterns.of(o.log(), JsonReport.status(r), r.incidents()))
                    .orElseGet(() -> new LogPatterns(o.log(), "unreadable", List.of())));
        }
        return Optional.of(new AcrossLogsReport(ranking));
    }

    /** Writes each report for people, then the view across the logs. */
    public void text(PrintWriter out, Listing listing) {
        TextReport text = new TextReport(out, listing);
        for (Report report : reports()) {
            text.write(report);
            if (outcomes.size() > 1) {
                out.println();
            }
        }
        across().ifPresent(a -> a.text(out, listing));
        out.flush();
    }

    /**
     * Writes one pretty JSON document: the log's, or for several logs a batch document (its
     * {@code logs}, then the {@code total} and {@code patterns} across them).
     */
    public void json(PrintWriter out, Listing listing) throws IOException {
        JsonGenerator json = JsonOutput.pretty(out);
        Optional<AcrossLogsReport> across = across();
        if (across.isPresent()) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
            json.writeArrayFieldStart("logs");
            for (LogOutcome o : outcomes) {
                document(o, json, listing, JsonReport.Shape.DOCUMENT);
            }
            json.writeEndArray();
            across.get().jsonFields(json);
            json.writeEndObject();
        } else {
            document(outcomes.get(0), json, listing, JsonReport.Shape.DOCUMENT);
        }
        json.close();
        out.println();
        out.flush();
    }

    /** Writes a JSON line per log, without findings. */
    public void jsonLines(PrintWriter out, Listing listing) throws IOException {
        for (LogOutcome o : outcomes) {
            JsonGenerator json = JsonOutput.line(out);
            document(o, json, listing, JsonReport.Shape.LINE);
            json.close();
            out.println();
        }
        out.flush();
    }

    /** Writes JUnit XML ({@link JunitReport}). */
    public void junit(PrintWriter out) throws IOException {
        try {
            JunitReport.write(reports(), errors(), out);
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
        out.flush();
    }

    /** Writes a CI summary in Markdown ({@link MarkdownReport}). */
    public void markdown(PrintWriter out) {
        MarkdownReport.write(reports(), errors(), out);
    }

    /** Writes GitHub workflow-command annotations ({@link GithubReport}). */
    public void github(PrintWriter out) {
        GithubReport.write(reports(), errors(), out);
    }

    /**
     * Writes the HTML page: the view across the logs first (several logs), then a section per log.
     *
     * @param details error incidents per log drawn in full
     */
    public void html(int details, PrintWriter out) {
        new HtmlReport(details).write(reports(), errors(), across().orElse(null), out);
    }

    private static void document(LogOutcome o, JsonGenerator json, Listing listing, JsonReport.Shape shape)
            throws IOException {
        if (o.report().isPresent()) {
            JsonReport.write(o.report().get(), json, listing, shape);
        } else {
            JsonReport.mapper().writeTree(json, JsonReport.error(o.log(), o.error().orElseThrow()));
        }
    }
}
