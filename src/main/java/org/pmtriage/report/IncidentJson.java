package org.pmtriage.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.Severity;
import org.pmtriage.event.Timeline;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.Incidents;
import org.pmtriage.incident.Pattern;
import org.pmtriage.incident.PatternKey;

/** The {@code patterns} and {@code incidents} arrays of the JSON report (docs/report-format.md). */
final class IncidentJson {

    /** Incidents a pattern names as its examples. */
    static final int EXAMPLES = 3;

    private IncidentJson() {
    }

    /** @return whether the incident (and its findings) is listed, rather than counted in its pattern */
    static boolean listed(Incident incident, Listing listing) {
        return listing.findings() == Listing.Findings.ALL || incident.severity() != Severity.INFO;
    }

    static ArrayNode patterns(Incidents incidents, Listing listing) {
        ArrayNode out = JsonReport.mapper().createArrayNode();
        for (Pattern p : incidents.patterns()) {
            ObjectNode n = out.addObject();
            n.put("id", p.id());
            key(n, p.key());
            n.put("severity", p.severity().label());
            n.put("incidents", p.incidents().size());
            n.put("findings", p.findingCount());
            n.put("failures", p.failures());
            n.put("firstAt", Timeline.format(p.firstAt()));
            n.put("lastAt", Timeline.format(p.lastAt()));
            ArrayNode examples = n.putArray("examples");
            p.examples(EXAMPLES).forEach(i -> examples.add(i.id()));
            ArrayNode ids = n.putArray("listedIncidents");
            p.incidents().stream().filter(i -> listed(i, listing)).forEach(i -> ids.add(i.id()));
            DiagnosisJson.diagnosis(n, incidents.diagnosisOf(p));
        }
        return out;
    }

    /** Writes a pattern's {@code title} and {@code key} fields. */
    static void key(ObjectNode n, PatternKey key) {
        n.put("title", key.title());
        ObjectNode k = n.putObject("key");
        k.put("kind", key.kind());
        k.put("grade", key.grade());
        k.put("opener", key.opener());
        ArrayNode carriers = k.putArray("carriers");
        key.carriers().forEach(carriers::add);
        k.put("pathShape", key.pathShape());
    }

    static ArrayNode incidents(Incidents incidents, Listing listing) {
        ArrayNode out = JsonReport.mapper().createArrayNode();
        for (Incident i : incidents.incidents()) {
            if (!listed(i, listing)) {
                continue;
            }
            ObjectNode n = out.addObject();
            n.put("id", i.id());
            n.put("pattern", incidents.patternOf(i).id());
            n.put("severity", i.severity().label());
            n.put("headline", i.headline());
            n.put("path", i.path());
            n.put("at", Timeline.format(i.at()));
            n.put("lead", incidents.findingId(i.lead()));
            ArrayNode findings = n.putArray("findings");
            for (Finding f : i.findings()) {
                findings.add(incidents.findingId(f));
            }
            n.put("violations", i.violations().size());
            ArrayNode failed = n.putArray("failed");
            i.failed().forEach(p -> failed.add(JsonReport.process(p)));
            DiagnosisJson.diagnosis(n, incidents.diagnosisOf(i));
        }
        return out;
    }
}
