package org.pmtriage.analysis;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pmtriage.diagnosis.DecodedStack;
import org.pmtriage.diagnosis.ModuleSnapshot;
import org.pmtriage.diagnosis.StackDecoder;
import org.pmtriage.event.Event;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.Stack;

/**
 * Keeps the raw stacks of the events a finding may cite, within {@link #BUDGET} bytes: the
 * CreateFile of each object while it is open (dropped when it is released, unless a race, a close
 * by another process or a refused open made it citable), and each Process Create whose parent
 * held an open object (dropped when the child is retired without passing anything on, unless
 * cited). Stacks are decoded at the end, only those of cited events, against the modules their
 * process had when they were kept. Logs without stacks cost a check per CreateFile and Process
 * Create. Kept stacks are found by record number in a {@link LongMap}.
 */
final class StackKeeper implements HandleListener {

    /** Bytes of raw stacks kept at once; later ones are counted, not kept. */
    static final long BUDGET = 32L << 20;

    private static final class Kept {
        final long record;
        final Stack stack;
        final ModuleSnapshot modules;
        final int tid;
        final long bytes;
        boolean cited;

        Kept(long record, Stack stack, ModuleSnapshot modules, int tid, long bytes) {
            this.record = record;
            this.stack = stack;
            this.modules = modules;
            this.tid = tid;
            this.bytes = bytes;
        }
    }

    private final long budget;
    private final LongMap<Kept> byRecord = new LongMap<>();
    private final Map<ProcessNode, Kept> spawnOf = new IdentityHashMap<>();
    private long bytes;
    private long notKept;

    StackKeeper() {
        this(BUDGET);
    }

    /** @param budget bytes of raw stacks kept at once */
    StackKeeper(long budget) {
        this.budget = budget;
    }

    /** A successful CreateFile that carries a stack. */
    void opened(Event e, ProcessNode opener) {
        keep(e, opener);
    }

    /** A Process Create that carries a stack: kept when its parent holds an open object. */
    void spawning(Event e, ProcessNode parent) {
        if (!parent.owned().isEmpty() || !parent.inherited.isEmpty()) {
            keep(e, parent);
        }
    }

    /** A spawn was linked: its child's retirement may drop the Process Create's stack. */
    void linked(SpawnLink link) {
        if (byRecord.size() != 0 && link.created()) {
            Kept k = byRecord.get(link.record());
            if (k != null) {
                spawnOf.put(link.child(), k);
            }
        }
    }

    /** Call before the handle tracker forgets what {@code process} inherited and passed on. */
    void retired(ProcessNode process) {
        if (spawnOf.isEmpty()) {
            return;
        }
        Kept spawn = spawnOf.remove(process);
        if (spawn == null || process.passedOn != null) {
            return;
        }
        for (FileObject o : process.inherited) {
            if (o.open) {
                return;
            }
        }
        drop(spawn.record);
    }

    @Override
    public void raced(FileObject object, SpawnLink spawn, boolean orderAmbiguous) {
        cite(object.record);
        cite(spawn.record());
    }

    @Override
    public void closedByOther(FileObject object, Event close, List<SpawnLink> chain, InheritedHandle.Evidence evidence) {
        cite(object.record);
        chain.forEach(link -> cite(link.record()));
    }

    @Override
    public void released(FileObject object) {
        drop(object.record);
    }

    @Override
    public void refused(Event e, String key, ProcessNode victim, List<FileObject> open) {
        for (FileObject o : open) {
            cite(o.record);
            o.carriers().forEach(link -> cite(link.record()));
        }
    }

    /** @return stacks that may have been cited but were not kept, past the budget */
    long notKept() {
        return notKept;
    }

    /**
     * @param records the record numbers of the events the findings cite
     * @param kernel  the System process's modules
     * @return the decoded stacks of those that were kept
     */
    Map<Long, DecodedStack> decode(Set<Long> records, ModuleMap kernel) {
        Map<Long, DecodedStack> out = new HashMap<>();
        for (Long record : records) {
            Kept k = byRecord.get(record);
            if (k != null) {
                out.put(record, StackDecoder.decode(record, k.tid, k.stack, k.modules.map(), kernel));
            }
        }
        return out;
    }

    private void keep(Event e, ProcessNode process) {
        Stack stack = e.stack();
        long size = stack.bytes();
        if (bytes + size > budget) {
            notKept++;
            return;
        }
        ModuleSnapshot modules = process.profile == null ? ModuleSnapshot.NONE : process.profile.modules();
        Kept old = byRecord.put(e.record(), new Kept(e.record(), stack, modules, e.tid(), size));
        bytes += size - (old == null ? 0 : old.bytes);
    }

    private void cite(long record) {
        if (byRecord.size() == 0) {
            return;
        }
        Kept k = byRecord.get(record);
        if (k != null) {
            k.cited = true;
        }
    }

    private void drop(long record) {
        if (byRecord.size() == 0) {
            return;
        }
        Kept k = byRecord.get(record);
        if (k != null && !k.cited) {
            byRecord.remove(record);
            bytes -= k.bytes;
        }
    }
}
