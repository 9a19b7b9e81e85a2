package org.pmtriage.incident;

import java.util.Objects;
import java.util.Optional;

import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.RaceGrade;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.diagnosis.CaptureDiagnosis;
import org.pmtriage.diagnosis.FindingShape;
import org.pmtriage.diagnosis.RemedyChoice;
import org.pmtriage.diagnosis.Remedies;
import org.pmtriage.event.Event;

/**
 * Why an incident happened and what to do: the shape of its leading finding, the process whose
 * runtime decides the remedy (the opener of a leak or race, the server a redirect leaked into, the
 * scanner or server holding the file, the process running the image), and the remedy.
 *
 * @param shape   the leading finding's shape
 * @param subject the process whose runtime the remedy is chosen for
 * @param remedy  the remedy, empty when the remedies file has none for that runtime and shape
 */
public record IncidentDiagnosis(FindingShape shape, ProcessRef subject, Optional<RemedyChoice> remedy) {

    public IncidentDiagnosis {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(remedy, "remedy");
    }

    /**
     * @return the diagnosis of an incident whose lead is a leak, a race that may have leaked, or a
     *         sharing violation a scanner, a server or a running image explains; empty otherwise
     *         (hand-overs, refuted or intended races, objects open at the end)
     */
    static Optional<IncidentDiagnosis> of(Incident incident, CaptureDiagnosis diagnosis, Remedies remedies) {
        Finding lead = incident.lead();
        FindingShape shape = null;
        ProcessRef subject = null;
        if (lead instanceof InheritedHandle h && h.verdict() != InheritedHandle.Verdict.HANDED_OVER) {
            ProcessRef server = server(h);
            if (server != null || h.verdict() == InheritedHandle.Verdict.LEAKED_AFTER_HAND_OVER) {
                shape = FindingShape.REDIRECT_INTO_SERVER;
                subject = server != null ? server : h.closer();
            } else {
                Spawn first = h.chain().get(0);
                shape = threads(h.open().tid(), spawnTid(incident, first, diagnosis));
                subject = h.open().opener();
            }
        } else if (lead instanceof SpawnRace r && leaks(r.grade())) {
            shape = threads(r.open().tid(), r.spawnTid());
            subject = r.open().opener();
        } else if (lead instanceof SharingViolation v) {
            if (v.cause() == SharingViolation.Cause.RUNNING_IMAGE && !v.imageOf().isEmpty()) {
                shape = FindingShape.RUNNING_IMAGE;
                subject = v.imageOf().get(0);
            } else if (v.explained()) {
                SharingViolation.Holder main = Incidents.mainHolder(v);
                ProcessRef holder = main.open().opener();
                if (holder.identity().runtime().runtime().scanner()) {
                    shape = FindingShape.SCANNER_HOLDING;
                    subject = holder;
                } else if (holder.identity().runtime().runtime().server()) {
                    shape = FindingShape.SERVER_HOLDING;
                    subject = holder;
                } else {
                    for (Spawn s : main.inheritedBy()) {
                        if (s.child().identity().runtime().runtime().server()) {
                            shape = FindingShape.REDIRECT_INTO_SERVER;
                            subject = s.child();
                        }
                    }
                }
            }
        }
        if (shape == null) {
            return Optional.empty();
        }
        return Optional.of(new IncidentDiagnosis(shape, subject, remedies.choose(subject.identity().runtime(), shape)));
    }

    private static boolean leaks(RaceGrade grade) {
        return grade == RaceGrade.CONFIRMED || grade == RaceGrade.LIKELY || grade == RaceGrade.POSSIBLE;
    }

    /** @return the deepest process of the chain (or the closer) that is a build server, or null */
    private static ProcessRef server(InheritedHandle h) {
        ProcessRef found = null;
        for (Spawn s : h.chain()) {
            if (s.child().identity().runtime().runtime().server()) {
                found = s.child();
            }
        }
        if (found == null && h.closer().identity().runtime().runtime().server()) {
            found = h.closer();
        }
        return found;
    }

    /** @return the thread that created the first child: a race's, else the Process Create stack's, else unknown */
    private static int spawnTid(Incident incident, Spawn spawn, CaptureDiagnosis diagnosis) {
        for (Finding f : incident.findings()) {
            if (f instanceof SpawnRace r && r.spawn().record() == spawn.record() && r.spawnTid() != Event.UNKNOWN) {
                return r.spawnTid();
            }
        }
        return diagnosis.stackOf(spawn.record()).map(s -> s.tid()).orElse(Event.UNKNOWN);
    }

    private static FindingShape threads(int openTid, int spawnTid) {
        return openTid != Event.UNKNOWN && spawnTid != Event.UNKNOWN && openTid != spawnTid
                ? FindingShape.CROSS_THREAD_RACE : FindingShape.SPAWN_LEAK;
    }
}
