package org.pmtriage.report;

import java.util.Optional;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.diagnosis.CaptureDiagnosis;
import org.pmtriage.diagnosis.DecodedStack;
import org.pmtriage.diagnosis.RuntimeId;
import org.pmtriage.diagnosis.RuntimeSeen;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.IncidentDiagnosis;
import org.pmtriage.incident.Incidents;

/**
 * The diagnosis on the HTML page: the capture's runtimes, and under an incident's timeline the
 * runtime that decided it, each stack as an expandable {@code <details>} (every frame), and the
 * remedy with its sources.
 */
final class DiagnosisHtml {

    private DiagnosisHtml() {
    }

    /** @return a {@code <dt>Runtimes</dt><dd>...} pair for the capture's list, or empty when none is known */
    static String runtimes(CaptureDiagnosis diagnosis) {
        if (diagnosis.runtimes().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<dt>Runtimes</dt><dd class=\"runtimes\">");
        String sep = "";
        for (RuntimeSeen s : diagnosis.runtimes()) {
            sb.append(sep).append(Html.esc(s.runtime().label())).append(" (").append(Html.esc(s.example()))
                    .append(s.processes() > 1 ? " and " + (s.processes() - 1) + " more" : "").append(", by ")
                    .append(Html.esc(s.runtime().briefly())).append(')');
            sep = "; ";
        }
        return sb.append("</dd>").toString();
    }

    /** @return the incident's diagnosis as a {@code <div>}, or empty when it has none */
    static String of(Incident incident, Incidents incidents) {
        Optional<IncidentDiagnosis> found = incidents.diagnosisOf(incident);
        if (found.isEmpty()) {
            return "";
        }
        IncidentDiagnosis d = found.get();
        StringBuilder sb = new StringBuilder("<div class=\"diagnosis\"><h5>Why and what to do</h5><ul>");
        FileOpen open = FindingTable.open(incident.lead());
        DiagnosisText.processesNamed(open, d).forEach(p -> runtime(p, sb));
        sb.append("</ul>");
        CaptureDiagnosis diagnosis = incidents.diagnosis();
        if (open != null) {
            diagnosis.stackOf(open.record()).ifPresent(s -> stack("Stack of the open", s, sb));
        }
        Spawn spawn = DiagnosisText.firstSpawn(incident.lead());
        if (spawn != null) {
            diagnosis.stackOf(spawn.record()).ifPresent(s -> stack("Stack of the spawn", s, sb));
        }
        sb.append("<p class=\"remedy\"><strong>Remedy</strong> (").append(Html.esc(d.shape().label())).append("): ");
        if (d.remedy().isPresent()) {
            sb.append(Html.esc(d.remedy().get().text(), Integer.MAX_VALUE));
        } else {
            sb.append("none in pmtriage's remedies for ").append(Html.esc(d.subject().identity().runtime().label()))
                    .append('.');
        }
        return sb.append("</p></div>").toString();
    }

    private static void runtime(ProcessRef p, StringBuilder sb) {
        RuntimeId r = p.identity().runtime();
        sb.append("<li>").append(Html.esc(p.toString())).append(": ").append(Html.esc(r.label()));
        if (r.known()) {
            sb.append(", by ").append(Html.esc(r.because(), 2 * Html.MAX_TEXT));
        }
        sb.append("</li>");
    }

    private static void stack(String title, DecodedStack s, StringBuilder sb) {
        sb.append("<details class=\"stack\"><summary>").append(title)
                .append(s.tid() >= 0 ? " (thread " + s.tid() + ")" : "").append(": ").append(s.frames().size())
                .append(" frames, ").append(s.resolvedCount()).append(" resolved</summary><ol>");
        for (DecodedStack.Frame f : s.frames()) {
            sb.append(f.kernel() ? "<li class=\"kernel\">" : "<li>").append(Html.esc(f.text()))
                    .append(f.kernel() ? " <small>(kernel)</small>" : "").append("</li>");
        }
        sb.append("</ol></details>");
    }
}
