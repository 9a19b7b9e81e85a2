package org.pmtriage.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.diagnosis.CaptureDiagnosis;
import org.pmtriage.diagnosis.DecodedStack;
import org.pmtriage.diagnosis.RuntimeId;
import org.pmtriage.diagnosis.RuntimeSeen;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.IncidentDiagnosis;
import org.pmtriage.incident.Incidents;

/**
 * The diagnosis in text: the capture's runtimes in a line, and for an incident the runtime of the
 * processes that decide it, a few user-mode frames of the open and of the spawn, and the remedy.
 */
final class DiagnosisText {

    /**
     * Modules shown per stack in text, consecutive frames of one module folded into its innermost
     * ({@code MSVCR90.dll+0x6c2f4 (x4)}), so the caller's code shows; JSON has every frame.
     */
    static final int MODULES = 5;
    /** Runtimes named in the capture's line before the rest are counted. */
    static final int RUNTIMES = 8;

    private DiagnosisText() {
    }

    /** @return {@code Runtimes: CPython 2.7 (python.exe (4312), module ...), ...}, or empty when none is known */
    static Optional<String> runtimes(CaptureDiagnosis diagnosis) {
        List<RuntimeSeen> seen = diagnosis.runtimes();
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("Runtimes:");
        for (int i = 0; i < Math.min(RUNTIMES, seen.size()); i++) {
            RuntimeSeen s = seen.get(i);
            sb.append(i == 0 ? " " : "; ").append(s.runtime().label()).append(" (")
                    .append(s.processes() == 1 ? s.example() : TextReport.plural(s.processes(), "process", "processes")
                            + " such as " + s.example()).append(", by ").append(s.runtime().briefly()).append(')');
        }
        if (seen.size() > RUNTIMES) {
            sb.append("; and ").append(seen.size() - RUNTIMES).append(" more (see --format json)");
        }
        return Optional.of(sb.toString());
    }

    /** @return the lines that tell an incident's diagnosis, without indentation; none when it has none */
    static List<String> of(Incident incident, Incidents incidents) {
        List<String> lines = new ArrayList<>();
        Optional<IncidentDiagnosis> found = incidents.diagnosisOf(incident);
        if (found.isEmpty()) {
            return lines;
        }
        IncidentDiagnosis d = found.get();
        FileOpen open = FindingTable.open(incident.lead());
        processesNamed(open, d).forEach(p -> lines.add(runtime(p)));
        CaptureDiagnosis diagnosis = incidents.diagnosis();
        if (open != null) {
            diagnosis.stackOf(open.record()).ifPresent(s -> lines.add("Opened" + frames(s)));
        }
        Spawn spawn = firstSpawn(incident.lead());
        if (spawn != null) {
            diagnosis.stackOf(spawn.record()).ifPresent(s -> lines.add("Spawned" + frames(s)));
        }
        lines.add(d.remedy().map(r -> "Remedy: " + r.text())
                .orElse("Remedy: none in pmtriage's remedies for " + d.subject().identity().runtime().label()
                        + " and a " + d.shape().label() + "."));
        return lines;
    }

    /** @return the spawn that carried the leading finding's object out of its opener, or null */
    static Spawn firstSpawn(Finding lead) {
        if (lead instanceof InheritedHandle h) {
            return h.chain().get(0);
        } else if (lead instanceof SpawnRace r) {
            return r.spawn();
        }
        return null;
    }

    private static String runtime(ProcessRef p) {
        RuntimeId r = p.identity().runtime();
        if (!r.known()) {
            return "Runtime: " + p + ": unknown, the log names none";
        }
        return "Runtime: " + p + " runs " + r.label() + ", by " + r.because();
    }

    private static String frames(DecodedStack s) {
        List<DecodedStack.Frame> user = s.userFrames();
        StringBuilder sb = new StringBuilder(s.tid() >= 0 ? " on thread " + s.tid() : "");
        if (user.isEmpty()) {
            return sb.append(": no user-mode frame (").append(s.frames().size()).append(" kernel frames)").toString();
        }
        sb.append(" at ");
        int shown = 0;
        int runs = 0;
        while (shown < user.size() && runs < MODULES) {
            String module = module(user.get(shown).text());
            int run = 1;
            while (shown + run < user.size() && module(user.get(shown + run).text()).equals(module)) {
                run++;
            }
            sb.append(runs == 0 ? "" : " <- ").append(user.get(shown).text()).append(run > 1 ? " (x" + run + ")" : "");
            shown += run;
            runs++;
        }
        if (user.size() > shown) {
            sb.append(" (+").append(user.size() - shown).append(" more user frames)");
        }
        return sb.toString();
    }

    /** @return the module of a frame's text ({@code python27.dll} of {@code python27.dll+0x2d8c6}) */
    private static String module(String frame) {
        int plus = frame.indexOf('+');
        return plus < 0 ? frame : frame.substring(0, plus);
    }

    /** @return the processes whose runtime a diagnosis names: the opener, then its subject when another */
    static List<ProcessRef> processesNamed(FileOpen open, IncidentDiagnosis d) {
        if (open == null) {
            return List.of(d.subject());
        }
        ProcessRef opener = open.opener();
        boolean same = opener.pid() == d.subject().pid() && opener.instance() == d.subject().instance();
        return same ? List.of(opener) : List.of(opener, d.subject());
    }
}
