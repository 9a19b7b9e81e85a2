package org.pmtriage.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pmtriage.diagnosis.CaptureDiagnosis;
import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessDetail;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;

/**
 * The single pass over a capture: feed it the log's process table (if any), then every event in
 * order, then call {@link #finish}. Holds open file objects and live processes, never events.
 */
public final class Analyzer {

    /** The spawn-race window when none is given: 50 ms. */
    public static final long DEFAULT_WINDOW = 50 * Timeline.TICKS_PER_MILLI;

    private static final int MAX_OPERATION_NAMES = 10_000;

    /** How much of the pass to run. */
    public enum Scope {
        /** Everything: processes, file objects, findings. */
        FINDINGS,
        /** Counts, processes and time span only ({@code stats}): file events are counted, not tracked. */
        COUNTS
    }

    private final Scope scope;
    private final FindingCounts counts = new FindingCounts();
    private final PathKeys keys = new PathKeys();
    private final RunningImages images = new RunningImages(keys);
    private final SpawnRaceDetector races = new SpawnRaceDetector(counts);
    private final InheritedHandleDetector inherited = new InheritedHandleDetector(counts);
    private final SharingViolationDetector violations;
    private final CaptureHealth health = new CaptureHealth();
    private final ProcessProfiles profiles = new ProcessProfiles();
    private final StackKeeper stacks = new StackKeeper();
    private final HandleTracker handles;
    private final ProcessTree processes;
    private final Map<String, long[]> operations = new HashMap<>();
    /**
     * What each operation does, by its ordinal; none for the others. A table rather than a switch:
     * the call through it reaches several classes, so the JIT compiles each step on its own instead
     * of inlining them all into {@link #accept}, which it then compiled (40 KB) more than once.
     */
    private final Step[] steps = new Step[Operation.values().length];
    private long events;
    private long firstTime;
    private long lastTime;

    /**
     * @param window   how long after a CreateFile a spawn counts as a race (timeline ticks)
     * @param warnings receives one-line warnings (limits reached)
     */
    public Analyzer(long window, Consumer<String> warnings) {
        this(window, warnings, Scope.FINDINGS);
    }

    /**
     * @param window   how long after a CreateFile a spawn counts as a race (timeline ticks)
     * @param warnings receives one-line warnings (limits reached)
     * @param scope    how much of the pass to run
     */
    public Analyzer(long window, Consumer<String> warnings, Scope scope) {
        this.scope = scope;
        violations = new SharingViolationDetector(counts, images, warnings);
        handles = new HandleTracker(keys, List.of(races, inherited, violations, stacks), window, warnings);
        processes = new ProcessTree(this::spawned, this::retired, warnings);
        steps[Operation.CREATE_FILE.ordinal()] = this::createFile;
        steps[Operation.CLOSE_FILE.ordinal()] = handles::closed;
        Step used = handles::used;
        steps[Operation.READ_FILE.ordinal()] = used;
        steps[Operation.WRITE_FILE.ordinal()] = used;
        steps[Operation.FILE_IO.ordinal()] = used;
        steps[Operation.PROCESS_CREATE.ordinal()] = this::processCreate;
        steps[Operation.PROCESS_START.ordinal()] = this::processStart;
        steps[Operation.PROCESS_EXIT.ordinal()] = processes::exited;
        steps[Operation.LOAD_IMAGE.ordinal()] = this::loadImage;
    }

    /** What one operation does to the pass. */
    @FunctionalInterface
    private interface Step {
        void take(Event e, ProcessNode process);
    }

    /**
     * Whether refuted spawn races are listed as findings (as info) rather than only counted.
     * Call before the first event.
     */
    public void listRefutedRaces(boolean list) {
        races.listRefuted(list);
    }

    /** Adds the log's own process table; call before the first event. */
    public void processTable(List<ProcessInfo> table) {
        processes.seed(table, images);
        profiles.table(table);
        if (!table.isEmpty()) {
            health.processTable();
        }
    }

    /** Takes the next event of the capture. */
    public void accept(Event e) {
        if (events++ == 0) {
            firstTime = e.time();
        }
        lastTime = e.time();
        long[] count = operations.get(e.operationName());
        if (count == null && operations.size() < MAX_OPERATION_NAMES) {
            count = new long[1];
            operations.put(e.operationName(), count);
        }
        if (count != null) {
            count[0]++;
        }
        ProcessNode process = processes.resolve(e);
        if (scope == Scope.COUNTS && !e.operation().isProcess()) {
            return;
        }
        health.accept(e);
        profiles.observe(e, process);
        Step step = steps[e.operation().ordinal()];
        if (step != null) {
            step.take(e, process);
        }
    }

    private void createFile(Event e, ProcessNode process) {
        if (e.succeeded()) {
            if (e.stack().depth() > 0) {
                stacks.opened(e, process);
            }
            handles.opened(e, process);
        } else if (Event.SHARING_VIOLATION.equals(e.result())) {
            handles.refused(e, process);
        }
    }

    private void processCreate(Event e, ProcessNode process) {
        if (e.succeeded()) {
            if (e.stack().depth() > 0) {
                stacks.spawning(e, process);
            }
            processes.created(e, process, keys.shared(e.path()));
        }
    }

    private void processStart(Event e, ProcessNode process) {
        processes.started(e, process);
        images.add(process, e.imagePath());
        keys.knownFolders(ProcessDetail.currentDirectory(e.detail()));
        keys.knownFolders(process.commandLine);
    }

    private void loadImage(Event e, ProcessNode process) {
        images.add(process, e.path());
        profiles.loaded(e, process);
    }

    private void spawned(SpawnLink link) {
        if (link.created()) {
            health.created(link);
        }
        images.add(link.child(), link.image());
        profiles.spawned(link);
        stacks.linked(link);
        handles.spawned(link);
    }

    private void retired(ProcessNode process, long now) {
        stacks.retired(process);
        profiles.retired(process);
        handles.retired(process, now);
        images.remove(process);
    }

    /**
     * Ends the pass.
     *
     * @param skippedRecords malformed records the reader skipped, for the summary
     * @return the summary and the findings
     */
    public AnalysisResult finish(long skippedRecords) {
        List<HealthNote> notes = health.notes(events);
        List<FileObject> stillOpen = handles.stillOpen();
        List<Finding> list = new ArrayList<>(inherited.findings());
        list.addAll(races.findings(stillOpen, notes));
        list.addAll(violations.findings(notes.stream().anyMatch(n -> n.id().equals(CaptureHealth.FILTERED))));
        list.addAll(openAtEnd(stillOpen, notes));
        list.sort(Comparator.comparing(Finding::severity).thenComparingLong(Finding::at)
                .thenComparing(f -> f.kind().ordinal()));
        Map<String, Long> ops = new LinkedHashMap<>();
        operations.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(en -> -en.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .forEach(en -> ops.put(en.getKey(), en.getValue()[0]));
        CaptureSummary summary = new CaptureSummary(events, ops, processes.instances(), firstTime, lastTime,
                skippedRecords, handles.unmatchedCloses(), notes);
        Map<String, Long> grades = new LinkedHashMap<>();
        races.byGrade().forEach((grade, n) -> grades.put(grade.id(), n));
        // counting reads no process columns and no stacks (stats): it names no runtime
        CaptureDiagnosis diagnosis = scope == Scope.COUNTS ? CaptureDiagnosis.NONE
                : new CaptureDiagnosis(profiles.finish(processes.tallyAtEnd()).seen(),
                        profiles.stacks() ? stacks.decode(CitedEvents.of(list), profiles.kernel()) : Map.of(),
                        stacks.notKept());
        return new AnalysisResult(summary, list, counts.all(), grades, diagnosis);
    }

    /**
     * Objects a live process still held at the end: its opener, or a process that inherited it.
     * Without CloseFile events every object would be, and without Process Exit events no holder is
     * known to be gone, so then none is listed, only counted.
     */
    private List<OpenAtEnd> openAtEnd(List<FileObject> stillOpen, List<HealthNote> notes) {
        boolean noCloses = notes.stream().anyMatch(n -> n.id().equals(CaptureHealth.NO_CLOSE_EVENTS)
                || n.id().equals(CaptureHealth.NO_PROCESS_EVENTS));
        List<OpenAtEnd> out = new ArrayList<>();
        for (FileObject o : stillOpen) {
            List<Spawn> carriers = o.carriersAliveAt(lastTime);
            if (o.owner.exited() && carriers.isEmpty()) {
                continue;
            }
            if (noCloses) {
                counts.countUnlisted(FindingKind.OPEN_AT_END, 1);
            } else if (counts.count(FindingKind.OPEN_AT_END)) {
                out.add(new OpenAtEnd(o.path, o.toFileOpen(), carriers));
            }
        }
        return out;
    }
}
