package org.pmtriage.analysis;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.pmtriage.event.Event;
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

    private final FindingCollector findings = new FindingCollector();
    private final Scope scope;
    private final HandleTracker handles;
    private final ProcessTree processes;
    private final Map<String, long[]> operations = new HashMap<>();
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
        handles = new HandleTracker(findings, window, warnings);
        processes = new ProcessTree(handles::spawned, handles::exited, warnings);
    }

    /** Adds the log's own process table; call before the first event. */
    public void processTable(List<ProcessInfo> table) {
        processes.seed(table);
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
        switch (e.operation()) {
            case CREATE_FILE -> {
                if (e.succeeded()) {
                    handles.opened(e, process);
                } else if (Event.SHARING_VIOLATION.equals(e.result())) {
                    handles.refused(e, process);
                }
            }
            case CLOSE_FILE -> handles.closed(e, process);
            case READ_FILE, WRITE_FILE, FILE_IO -> handles.used(e, process);
            case PROCESS_CREATE -> {
                if (e.succeeded()) {
                    processes.created(e, process);
                }
            }
            case PROCESS_START -> processes.started(e, process);
            case PROCESS_EXIT -> processes.exited(e, process);
            default -> {
            }
        }
    }

    /**
     * Ends the pass.
     *
     * @param skippedRecords malformed records the reader skipped, for the summary
     * @return the summary and the findings
     */
    public AnalysisResult finish(long skippedRecords) {
        List<Finding> list = findings.findings(handles.stillOpen(), lastTime);
        Map<String, Long> ops = new LinkedHashMap<>();
        operations.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(en -> -en.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .forEach(en -> ops.put(en.getKey(), en.getValue()[0]));
        CaptureSummary summary = new CaptureSummary(events, ops, processes.instances(), firstTime, lastTime,
                skippedRecords, handles.unmatchedCloses());
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        for (FindingKind kind : FindingKind.values()) {
            counts.put(kind, findings.counts().getOrDefault(kind, 0L));
        }
        return new AnalysisResult(summary, list, counts);
    }
}
