package org.pmtriage.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import org.pmtriage.analysis.Severity;
import org.pmtriage.incident.LogPatterns;
import org.pmtriage.incident.PatternKey;

/**
 * Reads JSON reports back ({@code summarize}): a log's document, a batch document, or JSON lines,
 * each log as its {@link LogPatterns}. Needs {@code schemaVersion} 3 or later (the first with patterns).
 */
public final class ReportDocuments {

    /** The first schema version whose documents carry patterns. */
    static final int FIRST_WITH_PATTERNS = 3;

    private ReportDocuments() {
    }

    /**
     * @param name the report as the user named it, for messages
     * @param in   its bytes; not closed
     * @return every log the report describes, in order
     * @throws ReportReadException when it is not a pmtriage JSON report
     */
    public static List<LogPatterns> read(String name, InputStream in) {
        List<LogPatterns> logs = new ArrayList<>();
        try (JsonParser parser = JsonReport.mapper().getFactory().createParser(in);
             MappingIterator<JsonNode> docs = JsonReport.mapper().readerFor(JsonNode.class).readValues(parser)) {
            while (docs.hasNextValue()) {
                long line = parser.currentLocation().getLineNr();
                JsonNode doc = docs.nextValue();
                if (doc.has("logs") && doc.get("logs").isArray()) {
                    for (JsonNode log : doc.get("logs")) {
                        logs.add(log(name, line, log));
                    }
                } else {
                    logs.add(log(name, line, doc));
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ReportReadException(name, line, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ReportReadException(name, 0, "cannot read: " + e.getMessage());
        }
        if (logs.isEmpty()) {
            throw new ReportReadException(name, 0, "holds no report");
        }
        return logs;
    }

    private static LogPatterns log(String name, long line, JsonNode doc) {
        if (!doc.isObject() || !doc.path("schemaVersion").isInt()) {
            throw new ReportReadException(name, line, "not a pmtriage report: no schemaVersion");
        }
        int version = doc.get("schemaVersion").asInt();
        if (version < FIRST_WITH_PATTERNS) {
            throw new ReportReadException(name, line, "written with schemaVersion " + version + ", which has no"
                    + " patterns: analyze the log again with this pmtriage");
        }
        String log = text(name, line, doc.path("input"), "path");
        String status = text(name, line, doc, "status");
        List<LogPatterns.Tally> tallies = new ArrayList<>();
        for (JsonNode p : doc.path("patterns")) {
            JsonNode key = p.path("key");
            List<String> carriers = new ArrayList<>();
            key.path("carriers").forEach(c -> carriers.add(c.asText()));
            Severity severity = severity(name, line, text(name, line, p, "severity"));
            tallies.add(new LogPatterns.Tally(new PatternKey(text(name, line, key, "kind"), text(name, line, key, "grade"),
                    text(name, line, key, "opener"), carriers, text(name, line, key, "pathShape")), severity,
                    p.path("incidents").asLong(), p.path("failures").asLong()));
        }
        return new LogPatterns(log, status, tallies);
    }

    private static Severity severity(String name, long line, String label) {
        for (Severity s : Severity.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new ReportReadException(name, line, "unknown severity '" + label + "'");
    }

    private static String text(String name, long line, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ReportReadException(name, line, "a report without the text field '" + field + "'");
        }
        return value.asText();
    }
}
