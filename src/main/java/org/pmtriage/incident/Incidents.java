package org.pmtriage.incident;

import java.util.ArrayList;
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
    private final Map<Finding, String> findingIds = new IdentityHashMap<>();
    private final Map<Finding, Incident> incidentOf = new IdentityHashMap<>();
    private final Map<PatternKey, Pattern> patternByKey = new HashMap<>();
    private final CaptureDiagnosis diagnosis;
    private final Map<Incident, IncidentDiagnosis> diagnosisOf = new IdentityHashMap<>();

    private Incidents(BuildRoot root, List<Finding> findings, List<Incident> ranked, CaptureDiagnosis diagnosis) {
        this.root = root;
        this.diagnosis = diagnosis;
        for (int i = 0; i < findings.size(); i++) {
            findingIds.put(findings.get(i), "f" + (i + 1));
        }
        List<Incident> numbered = new ArrayList<>(ranked.size());
        Map<PatternKey, List<Incident>> byKey = new LinkedHashMap<>();
        for (Incident draft : ranked) {
            Incident incident = draft.withId("i" + (numbered.size() + 1));
            numbered.add(incident);
            IncidentDiagnosis.of(incident, diagnosis, Remedies.bundled()).ifPresent(d -> diagnosisOf.put(incident, d));
            incident.findings().forEach(f -> incidentOf.put(f, incident));
            byKey.computeIfAbsent(incident.key(), k -> new ArrayList<>()).add(incident);
        }
        incidents = List.copyOf(numbered);
        List<Pattern> drafts = new ArrayList<>();
        byKey.forEach((key, list) -> drafts.add(new Pattern("", key, list)));
        drafts.sort(Pattern.RANK);
        List<Pattern> out = new ArrayList<>(drafts.size());
        for (Pattern p : drafts) {
            Pattern pattern = new Pattern("p" + (out.size() + 1), p.key(), p.incidents());
            out.add(pattern);
            patternByKey.put(pattern.key(), pattern);
        }
        patterns = List.copyOf(out);
    }

    /** @return the incidents and patterns of one log's findings */
    public static Incidents of(AnalysisResult result) {
        List<Finding> findings = result.findings();
        BuildRoot root = BuildRoot.of(findings);
        Map<ObjectKey, List<Finding>> byObject = new HashMap<>();
        Set<ObjectKey> leakedOrRaced = new HashSet<>();
        for (Finding f : findings) {
            ObjectKey key = objectOf(f);
            if (key != null) {
                byObject.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                if (f instanceof InheritedHandle || f instanceof SpawnRace) {
                    leakedOrRaced.add(key);
                }
            }
        }
        Map<SharingViolation, ObjectKey> causeOf = new IdentityHashMap<>();
        for (Finding f : findings) {
            if (f instanceof SharingViolation v) {
                ObjectKey cause = cause(v, leakedOrRaced);
                if (cause != null) {
                    causeOf.put(v, cause);
                    byObject.computeIfAbsent(cause, k -> new ArrayList<>()).add(v);
                }
            }
        }
        Map<Finding, Integer> order = new IdentityHashMap<>();
        for (Finding f : findings) {
            order.put(f, order.size());
        }
        Set<ObjectKey> told = new HashSet<>();
        List<Incident> drafts = new ArrayList<>();
        for (Finding f : findings) {
            ObjectKey key = f instanceof SharingViolation v ? causeOf.get(v) : objectOf(f);
            if (key == null) {
                drafts.add(draft(List.of(f), root));
            } else if (told.add(key)) {
                List<Finding> story = byObject.get(key);
                story.sort(Comparator.comparingInt(order::get));
                drafts.add(draft(story, root));
            }
        }
        drafts.sort(Incident.RANK);
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

    private static Incident draft(List<Finding> story, BuildRoot root) {
        Finding lead = story.stream().min(Comparator.comparingInt(Incidents::leadOrder)
                .thenComparingLong(Finding::at)).orElseThrow();
        List<Finding> findings = new ArrayList<>(story.size());
        findings.add(lead);
        story.stream().filter(f -> f != lead).forEach(findings::add);
        List<SharingViolation> violations = new ArrayList<>();
        story.forEach(f -> {
            if (f instanceof SharingViolation v) {
                violations.add(v);
            }
        });
        violations.sort(Comparator.comparingLong(SharingViolation::at));
        List<ProcessRef> failed = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        for (SharingViolation v : violations) {
            ProcessRef p = v.victim();
            if (p.failed() && seen.add(List.of((long) p.pid(), p.startedAt()))) {
                failed.add(p);
            }
        }
        return new Incident("", lead, findings, violations, failed, key(lead, root), Headline.of(lead, violations));
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
            carriers = h.chain().stream().map(s -> s.child().name()).toList();
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
