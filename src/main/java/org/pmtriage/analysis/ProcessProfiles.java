package org.pmtriage.analysis;

import java.util.List;

import org.pmtriage.diagnosis.ProcessProfile;
import org.pmtriage.diagnosis.RuntimeId;
import org.pmtriage.diagnosis.RuntimeIdentifier;
import org.pmtriage.diagnosis.RuntimeTally;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.LoadImageDetail;
import org.pmtriage.event.Module;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;

/**
 * Feeds each process's {@link ProcessProfile} from the process table and the events (image path,
 * version resource, Load Image modules), counts the runtimes of the capture's processes when they
 * are retired, and keeps the System process's modules for kernel stack frames. Modules are kept
 * for stacks only in a log that carries stacks, at most {@link #MAX_KEPT_MODULES} at once.
 */
final class ProcessProfiles {

    /** Load Image modules kept for decoding stacks at once, over all live processes. */
    static final int MAX_KEPT_MODULES = 500_000;
    private static final int SYSTEM_PID = 4;
    /** Module paths whose {@link RuntimeIdentifier#decides} answer is remembered, direct-mapped by hash; a power of two. */
    private static final int DECIDED_PATHS = 1024;

    private final RuntimeTally tally = new RuntimeTally();
    private ModuleMap kernel = ModuleMap.EMPTY;
    private boolean stacks;
    private int keptModules;
    private final String[] decidedPaths = new String[DECIDED_PATHS];
    private final boolean[] decided = new boolean[DECIDED_PATHS];

    /** Gives a process of the log's process table what the table tells of it. */
    static void seed(ProcessNode node, ProcessInfo info) {
        ProcessProfile p = node.profile();
        p.image(info.imagePath());
        ProcessColumns c = info.columns();
        p.versionResource(c.description(), c.company(), c.version());
        if (!info.modules().isEmpty()) {
            p.tableModules(info.modules());
        }
    }

    /** Learns the kernel's modules from the table's System process. */
    void table(List<ProcessInfo> table) {
        for (ProcessInfo info : table) {
            if (info.pid() == SYSTEM_PID && !info.modules().isEmpty()) {
                kernel = ModuleMap.of(info.modules());
            }
        }
    }

    /** Any event of {@code process}: its stack, Image Path and version columns, when the log has them. */
    void observe(Event e, ProcessNode process) {
        if (!stacks && e.stack().depth() > 0) {
            stacks = true;
        }
        if (!e.imagePath().isEmpty()) {
            process.profile().image(e.imagePath());
        }
        ExportColumns columns = e.columns();
        if (columns != ExportColumns.NONE && columns.process() != ProcessColumns.NONE) {
            ProcessColumns c = columns.process();
            process.profile().versionResource(c.description(), c.company(), c.version());
        }
    }

    /** A Load Image event of {@code process}. */
    void loaded(Event e, ProcessNode process) {
        boolean forStacks = stacks && keptModules < MAX_KEPT_MODULES;
        // a Detail without a base still names the module, which may decide the runtime
        Module module = LoadImageDetail.module(e.path(), e.detail())
                .orElseGet(() -> new Module(0, 0, e.path(), "", "", ""));
        if (process.profile().loaded(module, decides(module.path()), forStacks)) {
            keptModules++;
        }
    }

    /** {@link RuntimeIdentifier#decides}, remembered: a build loads the same few modules in every process. */
    private boolean decides(String path) {
        int h = path.hashCode();
        int slot = (h ^ (h >>> 16)) & (DECIDED_PATHS - 1);
        if (!path.equals(decidedPaths[slot])) {
            decidedPaths[slot] = path;
            decided[slot] = RuntimeIdentifier.decides(path);
        }
        return decided[slot];
    }

    /** A child's image, as its Process Create names it. */
    void spawned(SpawnLink link) {
        if (!link.image().isEmpty()) {
            link.child().profile().image(link.image());
        }
    }

    /** A process exited a second ago: its runtime is counted, its modules go. */
    void retired(ProcessNode process) {
        if (!process.tallyAtEnd) {
            count(process);
        }
        if (process.profile != null) {
            keptModules -= process.profile.keptForStacks();
            process.profile.retire();
        }
    }

    /** @return whether the log carries stacks */
    boolean stacks() {
        return stacks;
    }

    /** @return the System process's modules, to decode kernel frames with */
    ModuleMap kernel() {
        return kernel;
    }

    /**
     * @param live the processes still mapped at the end
     * @return the runtimes of every process the capture's events showed
     */
    RuntimeTally finish(Iterable<ProcessNode> live) {
        live.forEach(this::count);
        return tally;
    }

    private void count(ProcessNode process) {
        if (process.counted && process.profile().untallied()) {
            RuntimeId runtime = process.profile.identity(process.name, process.commandLine).runtime();
            // the tally skips unknown runtimes: most processes of a build, so their name is not made
            if (runtime.known()) {
                tally.add(runtime, process.ref().toString());
            }
        }
    }
}
