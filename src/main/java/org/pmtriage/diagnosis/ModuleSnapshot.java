package org.pmtriage.diagnosis;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Module;
import org.pmtriage.event.ModuleMap;

/**
 * The modules mapped into a process at one moment of the pass: those of the log's process table
 * and the first {@code loadedCount} loaded during the capture. Taking one costs no copy, since
 * both lists only grow at their end while the process lives; a stack keeper takes one per kept
 * stack, and the {@link ModuleMap} is built only for the stacks a finding cites. Not thread-safe.
 */
public final class ModuleSnapshot {

    /** A process of which no module is known. */
    public static final ModuleSnapshot NONE = new ModuleSnapshot(List.of(), List.of(), 0);

    private final List<Module> table;
    private final List<Module> loaded;
    private final int loadedCount;
    private ModuleMap map;

    ModuleSnapshot(List<Module> table, List<Module> loaded, int loadedCount) {
        this.table = table;
        this.loaded = loaded;
        this.loadedCount = loadedCount;
        // set now, so that the shared NONE is never written to
        this.map = table.isEmpty() && loadedCount == 0 ? ModuleMap.EMPTY : null;
    }

    /** @return the modules of that moment, to decode stack addresses with (built once) */
    public ModuleMap map() {
        if (map == null) {
            if (loadedCount == 0) {
                map = ModuleMap.of(table);
            } else {
                List<Module> all = new ArrayList<>(table.size() + loadedCount);
                all.addAll(table);
                all.addAll(loaded.subList(0, loadedCount));
                map = ModuleMap.of(all);
            }
        }
        return map;
    }
}
