package org.pmtriage.report;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.diagnosis.CaptureDiagnosis;
import org.pmtriage.diagnosis.DecodedStack;
import org.pmtriage.diagnosis.ProcessIdentity;
import org.pmtriage.diagnosis.RemedyChoice;
import org.pmtriage.diagnosis.RuntimeId;
import org.pmtriage.diagnosis.RuntimeSeen;
import org.pmtriage.event.Module;
import org.pmtriage.incident.IncidentDiagnosis;

/**
 * The diagnosis fields of the JSON report (docs/report-format.md): a process's identity and
 * runtime, the stacks of a finding's open and spawns, an incident's shape and remedy, the
 * capture's runtimes. Every field is added beside the existing ones.
 */
final class DiagnosisJson {

    private DiagnosisJson() {
    }

    /** Adds {@code imagePath}, {@code version}, {@code company} (when known), {@code runtime} and {@code modules}. */
    static void identity(ObjectNode n, ProcessIdentity id) {
        if (!id.imagePath().isEmpty()) {
            n.put("imagePath", id.imagePath());
        }
        if (!id.resource().version().isEmpty()) {
            n.put("version", id.resource().version());
        }
        if (!id.resource().company().isEmpty()) {
            n.put("company", id.resource().company());
        }
        n.set("runtime", runtime(id.runtime()));
        if (id.moduleCount() > 0) {
            ObjectNode modules = n.putObject("modules");
            modules.put("count", id.moduleCount());
            modules.put("notKept", id.modulesNotKept());
            ArrayNode deciding = modules.putArray("deciding");
            for (Module m : id.decidingModules()) {
                ObjectNode mod = deciding.addObject();
                mod.put("path", m.path());
                mod.put("base", "0x" + Long.toHexString(m.base()));
                mod.put("size", m.size());
                if (!m.version().isEmpty()) {
                    mod.put("version", m.version());
                }
            }
        }
    }

    static ObjectNode runtime(RuntimeId r) {
        ObjectNode n = JsonReport.mapper().createObjectNode();
        n.put("id", r.runtime().id());
        n.put("name", r.runtime().label());
        n.put("version", r.version().isEmpty() ? null : r.version());
        n.put("evidence", r.evidence().id());
        n.put("evidenceText", r.text());
        n.put("strength", r.strength().label());
        return n;
    }

    /** Adds the capture's {@code runtimes} and {@code stacksNotKept} to the {@code input} object. */
    static void input(ObjectNode input, CaptureDiagnosis diagnosis) {
        ArrayNode runtimes = input.putArray("runtimes");
        for (RuntimeSeen s : diagnosis.runtimes()) {
            ObjectNode n = runtime(s.runtime());
            n.put("example", s.example());
            n.put("processes", s.processes());
            runtimes.add(n);
        }
        input.put("stacksNotKept", diagnosis.stacksNotKept());
    }

    /** Adds {@code diagnosis} to an incident or pattern object: shape, subject and remedy, or null. */
    static void diagnosis(ObjectNode n, Optional<IncidentDiagnosis> found) {
        if (found.isEmpty()) {
            n.putNull("diagnosis");
            return;
        }
        IncidentDiagnosis d = found.get();
        ObjectNode out = n.putObject("diagnosis");
        out.put("shape", d.shape().id());
        out.set("subject", JsonReport.process(d.subject()));
        if (d.remedy().isEmpty()) {
            out.putNull("remedy");
        } else {
            RemedyChoice r = d.remedy().get();
            ObjectNode remedy = out.putObject("remedy");
            remedy.put("id", r.remedy().id());
            remedy.put("title", r.remedy().title());
            remedy.put("versions", r.remedy().versions().text());
            remedy.put("conditional", r.conditional());
            remedy.put("text", r.remedy().text());
            ArrayNode sources = remedy.putArray("sources");
            r.remedy().sources().forEach(sources::add);
        }
    }

    /**
     * Adds the decoded stacks to a finding's object: {@code openStack} beside each open, {@code
     * stack} in each spawn, {@code spawnStack} in a race; null where the log has none.
     */
    static void stacks(ObjectNode n, Finding f, CaptureDiagnosis diagnosis) {
        if (f instanceof InheritedHandle h) {
            put(n, "openStack", h.open().record(), diagnosis);
            spawns(n.get("chain"), h.chain(), diagnosis);
        } else if (f instanceof SpawnRace r) {
            put(n, "openStack", r.open().record(), diagnosis);
            put(n, "spawnStack", r.spawn().record(), diagnosis);
        } else if (f instanceof SharingViolation v) {
            JsonNode holders = n.get("holders");
            for (int i = 0; i < v.holders().size(); i++) {
                ObjectNode holder = (ObjectNode) holders.get(i);
                put(holder, "openStack", v.holders().get(i).open().record(), diagnosis);
                spawns(holder.get("inheritedBy"), v.holders().get(i).inheritedBy(), diagnosis);
            }
        } else if (f instanceof OpenAtEnd o) {
            put(n, "openStack", o.open().record(), diagnosis);
            spawns(n.get("inheritedBy"), o.inheritedBy(), diagnosis);
        }
    }

    private static void spawns(JsonNode array, List<Spawn> spawns, CaptureDiagnosis diagnosis) {
        for (int i = 0; i < spawns.size(); i++) {
            put((ObjectNode) array.get(i), "stack", spawns.get(i).record(), diagnosis);
        }
    }

    private static void put(ObjectNode n, String field, long record, CaptureDiagnosis diagnosis) {
        Optional<DecodedStack> stack = diagnosis.stackOf(record);
        if (stack.isEmpty()) {
            n.putNull(field);
            return;
        }
        DecodedStack s = stack.get();
        ObjectNode out = n.putObject(field);
        if (s.tid() >= 0) {
            out.put("tid", s.tid());
        }
        out.put("depth", s.frames().size());
        out.put("resolved", s.resolvedCount());
        ArrayNode frames = out.putArray("frames");
        for (DecodedStack.Frame f : s.frames()) {
            frames.addObject().put("address", "0x" + Long.toHexString(f.address())).put("text", f.text())
                    .put("kernel", f.kernel());
        }
    }
}
