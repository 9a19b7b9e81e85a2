package org.pmtriage.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.FileUse;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.HealthNote;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incidents;

/**
 * The JSON report: field names are a contract with scripts, documented in
 * {@code docs/report-format.md}; {@link #SCHEMA_VERSION} changes when one changes meaning or goes.
 */
public final class JsonReport {

    /** Version of the document's shape. */
    public static final int SCHEMA_VERSION = 3;

    /** What one log's document holds. */
    public enum Shape {
        /** Input, summary, patterns, incidents and findings ({@code --format json}). */
        DOCUMENT,
        /** Input, summary, patterns and incidents, without findings: one line of {@code --format jsonl}. */
        LINE
    }

    // a document writes a tree per finding: flushing the output after each would write the file in
    // as many pieces; whoever writes the document flushes it once at the end
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);

    private JsonReport() {
    }

    /**
     * Writes the report as one JSON document, a finding at a time, so that a report with many
     * findings is never held as one tree.
     *
     * @param report the report
     * @param out    where to write; not closed
     * @throws IOException when writing fails
     */
    public static void write(Report report, JsonGenerator out) throws IOException {
        write(report, out, Listing.DEFAULT, Shape.DOCUMENT);
    }

    /**
     * Writes the report as one JSON document, a finding at a time.
     *
     * @param report  the report
     * @param out     where to write; not closed
     * @param listing which findings and incidents to list (the rest are counted in their patterns)
     * @param shape   whether findings are written
     * @throws IOException when writing fails
     */
    public static void write(Report report, JsonGenerator out, Listing listing, Shape shape) throws IOException {
        Incidents incidents = report.incidents();
        List<Finding> listed = report.result().findings().stream()
                .filter(f -> IncidentJson.listed(incidents.incidentOf(f), listing)).toList();
        out.writeStartObject();
        out.writeNumberField("schemaVersion", SCHEMA_VERSION);
        out.writeStringField("status", status(report));
        out.writeFieldName("input");
        MAPPER.writeTree(out, input(report));
        out.writeFieldName("summary");
        MAPPER.writeTree(out, summary(report, listed.size()));
        out.writeFieldName("patterns");
        MAPPER.writeTree(out, IncidentJson.patterns(incidents, listing));
        out.writeFieldName("incidents");
        MAPPER.writeTree(out, IncidentJson.incidents(incidents, listing));
        if (shape == Shape.DOCUMENT) {
            out.writeArrayFieldStart("findings");
            for (Finding f : listed) {
                ObjectNode n = finding(f);
                DiagnosisJson.stacks(n, f, incidents.diagnosis());
                ObjectNode linked = MAPPER.createObjectNode();
                linked.put("id", incidents.findingId(f));
                linked.put("incident", incidents.incidentOf(f).id());
                linked.setAll(n);
                MAPPER.writeTree(out, linked);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * @return the log's status: {@code error}, {@code warning} or {@code info} (its worst finding),
     *         or {@code clean}
     */
    public static String status(Report report) {
        return report.result().findings().stream().map(Finding::severity).min(Comparator.naturalOrder())
                .map(Severity::label).orElse("clean");
    }

    /** @return the {@code input} object: what was read */
    public static ObjectNode input(Report report) {
        CaptureSummary s = report.result().summary();
        ObjectNode input = MAPPER.createObjectNode();
        input.put("path", report.path());
        input.put("format", report.format());
        input.put("events", s.events());
        input.put("skippedRecords", s.skippedRecords());
        input.put("processes", s.processes());
        input.put("firstEvent", s.events() == 0 ? null : Timeline.format(s.firstTime()));
        input.put("lastEvent", s.events() == 0 ? null : Timeline.format(s.lastTime()));
        input.put("durationMs", Timeline.millis(s.lastTime() - s.firstTime()));
        input.put("unmatchedCloses", s.unmatchedCloses());
        input.put("buildRoot", report.incidents().root().folder());
        ObjectNode frame = input.putObject("timeFrame");
        frame.put("zone", report.frame().zoneName().orElse(null));
        frame.put("firstDay", report.frame().firstDay().map(LocalDate::toString).orElse(null));
        ArrayNode health = input.putArray("health");
        for (HealthNote note : s.health()) {
            health.addObject().put("id", note.id()).put("text", note.text());
        }
        DiagnosisJson.input(input, report.incidents().diagnosis());
        return input;
    }

    private static ObjectNode summary(Report report, int listed) {
        ObjectNode summary = MAPPER.createObjectNode();
        for (FindingKind kind : FindingKind.values()) {
            summary.put(kind.id(), report.result().count(kind));
        }
        ObjectNode bySeverity = summary.putObject("bySeverity");
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.label(), report.result().findings().stream()
                    .filter(f -> f.severity() == severity).count());
        }
        summary.put("listed", listed);
        summary.put("folded", report.result().findings().size() - listed);
        summary.put("incidents", report.incidents().incidents().size());
        summary.put("patterns", report.incidents().patterns().size());
        ObjectNode grades = summary.putObject("spawnRaceGrades");
        report.result().raceGrades().forEach(grades::put);
        return summary;
    }

    /** @return a one-line document for a log that could not be read */
    public static ObjectNode error(String path, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("status", "unreadable");
        root.putObject("input").put("path", path);
        root.put("error", message);
        return root;
    }

    /** @return the mapper used to write documents */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", f.kind().id());
        n.put("severity", f.severity().label());
        n.put("path", f.path());
        if (f instanceof InheritedHandle h) {
            n.put("verdict", h.verdict().id());
            n.put("evidence", h.evidence().id());
            n.put("reason", h.reason());
            open(n, h.open());
            n.set("closer", process(h.closer()));
            n.put("closedAt", Timeline.format(h.closedAt()));
            n.put("closeRecord", h.closeRecord());
            n.put("heldMs", Timeline.millis(h.closedAt() - h.open().at()));
            n.put("spawnGapMs", Timeline.millis(h.spawnGap()));
            n.set("chain", spawns(h.chain()));
            ArrayNode used = n.putArray("usedBy");
            h.usedBy().forEach(p -> used.add(process(p)));
        } else if (f instanceof SpawnRace r) {
            open(n, r.open());
            n.set("child", process(r.spawn().child()));
            n.put("spawnedAt", Timeline.format(r.spawn().at()));
            n.put("spawnRecord", r.spawn().record());
            putTid(n, "spawnTid", r.spawnTid());
            n.put("gapMs", Timeline.millis(r.gap()));
            n.put("grade", r.grade().id());
            n.put("reason", r.reason());
            n.put("harmful", r.harmful());
            n.put("openAtSpawnShown", r.openAtSpawnShown());
            n.put("confirmed", r.confirmed());
        } else if (f instanceof SharingViolation v) {
            n.set("victim", process(v.victim()));
            n.put("at", Timeline.format(v.at()));
            n.put("record", v.record());
            putTid(n, "tid", v.tid());
            n.put("desiredAccess", v.desiredAccess());
            n.put("shareMode", v.shareMode());
            n.put("explained", v.explained());
            n.put("cause", v.cause().id());
            n.put("reason", v.reason());
            ArrayNode imageOf = n.putArray("imageOf");
            v.imageOf().forEach(p -> imageOf.add(process(p)));
            ArrayNode holders = n.putArray("holders");
            for (SharingViolation.Holder h : v.holders()) {
                ObjectNode holder = holders.addObject();
                open(holder, h.open());
                holder.put("conflicts", h.conflicts());
                holder.put("openerAlive", h.openerAlive());
                holder.put("openedAs", h.openedAs());
                holder.set("inheritedBy", spawns(h.inheritedBy()));
            }
        } else if (f instanceof OpenAtEnd o) {
            open(n, o.open());
            n.set("inheritedBy", spawns(o.inheritedBy()));
        }
        return n;
    }

    private static void open(ObjectNode n, FileOpen open) {
        n.set("opener", process(open.opener()));
        n.put("openedAt", Timeline.format(open.at()));
        n.put("openRecord", open.record());
        putTid(n, "openTid", open.tid());
        n.put("desiredAccess", open.desiredAccess());
        n.put("openShareMode", open.shareMode());
        n.put("writes", open.writes());
        n.put("useCount", open.useCount());
        ArrayNode uses = n.putArray("uses");
        for (FileUse u : open.uses()) {
            ObjectNode use = uses.addObject();
            use.set("process", process(u.process()));
            use.put("operation", u.operation());
            use.put("at", Timeline.format(u.at()));
            use.put("record", u.record());
        }
    }

    private static ArrayNode spawns(List<Spawn> spawns) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Spawn s : spawns) {
            ObjectNode n = a.addObject();
            n.set("parent", process(s.parent()));
            n.set("child", process(s.child()));
            n.put("at", Timeline.format(s.at()));
            if (s.record() >= 0) {
                n.put("record", s.record());
            }
        }
        return a;
    }

    static ObjectNode process(ProcessRef p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("pid", p.pid());
        n.put("instance", p.instance());
        n.put("name", p.name());
        n.put("commandLine", p.commandLine());
        // a start before the capture's first day (a PML's process table dates it) is not on the timeline
        n.put("startedAt", p.startedAt() == ProcessRef.UNKNOWN_TIME || p.startedAt() < 0 ? null
                : Timeline.format(p.startedAt()));
        n.put("exitedAt", p.exitedAt() == ProcessRef.UNKNOWN_TIME ? null : Timeline.format(p.exitedAt()));
        if (p.exitStatus() != ProcessRef.UNKNOWN_STATUS) {
            n.put("exitStatus", p.exitStatus());
        }
        DiagnosisJson.identity(n, p.identity());
        return n;
    }

    private static void putTid(ObjectNode n, String name, int tid) {
        if (tid >= 0) {
            n.put(name, tid);
        }
    }
}
