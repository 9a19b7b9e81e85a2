package org.pmtriage.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the runtimes of a capture's processes, by runtime and version, keeping the strongest
 * evidence of each; at most {@link #MAX_RUNTIMES} runtimes and versions, the rest counted.
 */
public final class RuntimeTally {

    /** Runtimes (with versions) told apart; more are counted as {@link #others()}. */
    public static final int MAX_RUNTIMES = 64;

    private final Map<String, Entry> byRuntime = new LinkedHashMap<>();
    private long others;

    private static final class Entry {
        RuntimeId best;
        String example;
        long processes;
    }

    /**
     * @param runtime  a process's runtime; unknown ones are not counted
     * @param process  the process, as reports name it ({@code python.exe (4312)})
     */
    public void add(RuntimeId runtime, String process) {
        if (!runtime.known()) {
            return;
        }
        String key = runtime.runtime().id() + " " + runtime.version();
        Entry e = byRuntime.get(key);
        if (e == null) {
            if (byRuntime.size() >= MAX_RUNTIMES) {
                others++;
                return;
            }
            e = new Entry();
            byRuntime.put(key, e);
        }
        e.processes++;
        if (e.best == null || runtime.strength().compareTo(e.best.strength()) < 0) {
            e.best = runtime;
            e.example = process;
        }
    }

    /** @return processes of runtimes past {@link #MAX_RUNTIMES} */
    public long others() {
        return others;
    }

    /** @return the runtimes seen, the strongest evidence first, then by name */
    public List<RuntimeSeen> seen() {
        List<RuntimeSeen> out = new ArrayList<>();
        byRuntime.values().forEach(e -> out.add(new RuntimeSeen(e.best, e.example, e.processes)));
        out.sort(Comparator.<RuntimeSeen, EvidenceKind.Strength>comparing(s -> s.runtime().strength())
                .thenComparing(s -> s.runtime().label()));
        return out;
    }
}
