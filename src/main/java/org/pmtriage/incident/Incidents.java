package org.pmtriage.incident;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.diagnosis.CaptureDiagnosis;
import org.pmtriage.diagnosis.Remedies;

/**
 * The incidents and patterns of one log, and the ids that link them to its findings: findings are
 * {@code f1}, {@code f2}... in the result's order, and each belongs to exactly one incident.
 *
 * <p>Findings are linked by the file object they are about (its CreateFile record number plus
 * path): the inherited handle, the spawn races and the object still open at the end of one object
 * tell one story, with every sharing violation that names the object among its holders. A
 * violation whose holders include several objects joins the first leaked or raced one (conflicting
 * holders first), else the first conflicting holder's.
 */
public final class Incidents {

    private final BuildRoot root;
    private final List<Incident> incidents;
    private final List<Pattern> patterns;
    private final Map<Finding, String> findingIds;
    private final Map<Finding, Incident> incidentOf;
    private final Map<PatternKey, Pattern> patternByKey = new HashMap<>();
    private final CaptureDiagnosis diagnosis;
    private final Map<Incident, IncidentDiagnosis> diagnosisOf = new IdentityHashMap<>();

    private Incidents(BuildRoot root, List<Finding> findings, List<Ranked<Incident>> ranked, CaptureDiagnosis diagnosis) {
        this.root = root;
        this.diagnosis = diagnosis;
        findingIds = new IdentityHashMap<>(findings.size());
        incidentOf = new IdentityHashMap<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            findingIds.put(findings.get(i), "f" + (i + 1));
        }
        Remedies remedies = Remedies.bundled();
        List<Incident> numbered = new ArrayList<>(ranked.size());
        Map<PatternKey, List<Incident>> byKey = new LinkedHashMap<>();
        for (Ranked<Incident> draft : ranked) {
            Incident incident = draft.item().withId("i" + (numbered.size() + 1));
            numbered.add(incident);
            IncidentDiagnosis.of(incident, diagnosis, remedies).ifPresent(d -> diagnosisOf.put(incident, d));
            for (Finding f : incident.findings()) {
                incidentOf.put(f, incident);
            }
            byKey.computeIfAbsent(incident.key(), k -> new ArrayList<>()).add(incident);
        }
        incidents = List.copyOf(numbered);
        List<Ranked<Pattern>> drafts = new ArrayList<>(byKey.size());
        byKey.forEach((key, list) -> drafts.add(Ranked.of(new Pattern("", key, list))));
        Collections.sort(drafts);
        List<Pattern> out = new ArrayList<>(drafts.size());
        for (Ranked<Pattern> draft : drafts) {
            Pattern pattern = new Pattern("p" + (out.size() + 1), draft.item().key(), draft.item().incidents());
            out.add(pattern);
            patternByKey.put(pattern.key(), pattern);
        }
        patterns = List.copyOf(out);
    }

    /** @return the incidents and patterns of one log's findings */
    public static Incidents of(AnalysisResult result) {
        List<Finding> findings = result.findings();
        BuildRoot root = BuildRoot.of(findings);
        Set<ObjectKey> leakedOrRaced = new HashSet<>();
        for (Finding f : findings) {
            if (f instanceof InheritedHandle || f instanceof SpawnRace) {
                leakedOrRaced.add(objectOf(f));
            }
        }
        // stories in the order of their first finding, each in the result's order: no sort needed
        Map<ObjectKey, List<Finding>> byObject = new HashMap<>();
        List<List<Finding>> stories = new ArrayList<>();
        for (Finding f : findings) {
            ObjectKey key = f instanceof SharingViolation v ? cause(v, leakedOrRaced) : objectOf(f);
            List<Finding> story = key == null ? null : byObject.get(key);
            if (story == null) {
                story = new ArrayList<>(2);
                stories.add(story);
                if (key != null) {
                    byObject.put(key, story);
                }
            }
            story.add(f);
        }
        List<Ranked<Incident>> drafts = new ArrayList<>(stories.size());
        for (List<Finding> story : stories) {
            drafts.add(draft(story, root));
        }
        Collections.sort(drafts);
        return new Incidents(root, findings, drafts, result.diagnosis());
    }

    /** @return the build root the path shapes are relative to */
    public BuildRoot root() {
        return root;
    }

    /** @return every incident, most severe and most harmful first */
    public List<Incident> incidents() {
        return incidents;
    }

    /** @return every pattern, most severe and most harmful first */
    public List<Pattern> patterns() {
        return patterns;
    }

    /** @return the runtimes the log's processes ran and the decoded stacks of the events its findings cite */
    public CaptureDiagnosis diagnosis() {
        return diagnosis;
    }

    /** @return why the incident happened and what to do, when its shape calls for it */
    public Optional<IncidentDiagnosis> diagnosisOf(Incident incident) {
        return Optional.ofNullable(diagnosisOf.get(incident));
    }

    /** @return the diagnosis of the pattern's first incident that has a remedy, else of its first diagnosed one */
    public Optional<IncidentDiagnosis> diagnosisOf(Pattern pattern) {
        IncidentDiagnosis first = null;
        for (Incident i : pattern.incidents()) {
            IncidentDiagnosis d = diagnosisOf.get(i);
            if (d != null && d.remedy().isPresent()) {
                return Optional.of(d);
            }
            if (first == null) {
                first = d;
            }
        }
        return Optional.ofNullable(first);
    }

    /** @return the finding's id, e.g. {@code f3} */
    public String findingId(Finding f) {
        String id = findingIds.get(f);
        if (id == null) {
            throw new IllegalArgumentException("not a finding of this log: " + f.kind() + " " + f.path());
        }
        return id;
    }

    /** @return the incident the finding belongs to */
    public Incident incidentOf(Finding f) {
        return incidentOf.get(f);
    }

    /** @return the pattern the incident folds into */
    public Pattern patternOf(Incident incident) {
        return patternByKey.get(incident.key());
    }

    /**
     * @return the holder a sharing violation is told with: the first whose access or share mode
     *         conflicts with the request, else the first; null without holders
     */
    public static SharingViolation.Holder mainHolder(SharingViolation v) {
        return v.holders().stream().filter(SharingViolation.Holder::conflicts).findFirst()
                .orElse(v.holders().isEmpty() ? null : v.holders().get(0));
    }

    private static ObjectKey objectOf(Finding f) {
        if (f instanceof InheritedHandle h) {
            return ObjectKey.of(h.open(), h.path());
        } else if (f instanceof SpawnRace r) {
            return ObjectKey.of(r.open(), r.path());
        } else if (f instanceof OpenAtEnd o) {
            return ObjectKey.of(o.open(), o.path());
        }
        return null;
    }

    private static ObjectKey cause(SharingViolation v, Set<ObjectKey> leakedOrRaced) {
        List<SharingViolation.Holder> holders = new ArrayList<>(v.holders());
        holders.sort(Comparator.comparing(h -> !h.conflicts()));
        for (SharingViolation.Holder h : holders) {
            ObjectKey key = ObjectKey.of(h.open(), v.path());
            if (leakedOrRaced.contains(key)) {
                return key;
            }
        }
        SharingViolation.Holder main = mainHolder(v);
        return main == null ? null : ObjectKey.of(main.open(), v.path());
    }

    private static Ranked<Incident> draft(List<Finding> story, BuildRoot root) {
        Finding lead = story.get(0);
        List<SharingViolation> violations = new ArrayList<>(0);
        for (Finding f : story) {
            int order = leadOrder(f);
            int leadOrder = leadOrder(lead);
            if (order < leadOrder || order == leadOrder && f.at() < lead.at()) {
                lead = f;
            }
            if (f instanceof SharingViolation v) {
                violations.add(v);
            }
        }
        List<Finding> findings = new ArrayList<>(story.size());
        findings.add(lead);
        for (Finding f : story) {
            if (f != lead) {
                findings.add(f);
            }
        }
        List<ProcessRef> failed = violations.isEmpty() ? List.of() : failed(violations);
        return Ranked.of(new Incident("", lead, findings, violations, failed, key(lead, root)));
    }

    /** Sorts the violations by time; @return their victims that failed, each process once, in that order */
    private static List<ProcessRef> failed(List<SharingViolation> violations) {
        violations.sort(Comparator.comparingLong(SharingViolation::at));
        List<ProcessRef> failed = new ArrayList<>(1);
        Set<ProcessStart> seen = new HashSet<>();
        for (SharingViolation v : violations) {
            ProcessRef p = v.victim();
            if (p.failed() && seen.add(new ProcessStart(p.pid(), p.startedAt()))) {
                failed.add(p);
            }
        }
        return failed;
    }

    /** A process instance: a pid may be reused once it exited. */
    private record ProcessStart(int pid, long startedAt) {
    }

    private static int leadOrder(Finding f) {
        if (f instanceof InheritedHandle) {
            return 0;
        } else if (f instanceof SpawnRace) {
            return 1;
        } else if (f instanceof SharingViolation) {
            return 2;
        }
        return 3;
    }

    private static PatternKey key(Finding lead, BuildRoot root) {
        String opener = "";
        List<String> carriers = List.of();
        if (lead instanceof InheritedHandle h) {
            opener = h.open().opener().name();
            List<String> names = new ArrayList<>(h.chain().size());
            for (Spawn s : h.chain()) {
                names.add(s.child().name());
            }
            carriers = names;
        } else if (lead instanceof SpawnRace r) {
            opener = r.open().opener().name();
            carriers = List.of(r.spawn().child().name());
        } else if (lead instanceof SharingViolation v) {
            SharingViolation.Holder main = mainHolder(v);
            opener = main == null ? "" : main.open().opener().name();
        } else if (lead instanceof OpenAtEnd o) {
            opener = o.open().opener().name();
        }
        return new PatternKey(lead.kind().id(), PatternKey.gradeOf(lead), opener, carriers, root.shape(lead.path()));
    }
}
