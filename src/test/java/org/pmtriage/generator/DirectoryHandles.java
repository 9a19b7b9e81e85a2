package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.generator.CaptureTruth.Leak;
import org.pmtriage.generator.CaptureTruth.Race;
import org.pmtriage.generator.ExpectedVerdict.RaceEvidence;

/**
 * Current-directory handles (with {@link Behaviours#currentDirectory()}): each console process
 * opens its current directory at start; the handle is inheritable, so every child holds a copy;
 * the kernel closes a process's handles when it exits, and ProcMon logs the CloseFile (just after
 * the Process Exit, as in the MinGW build of the public samples) in the process that held the last
 * one. Records the truth: a benign race per child spawned within 50 ms of the open, and, when a
 * descendant that outlived the opener held the last copy (mspdbsrv.exe), a leak of a directory
 * (warning) and a confirmed race for the child that carried it.
 */
final class DirectoryHandles {

    /** One directory file object and the processes holding a handle to it. */
    static final class Handle {
        final String path;
        final SimProcess opener;
        final long openedAt;
        final List<SimProcess> holders = new ArrayList<>(2);
        final List<SimProcess> racers = new ArrayList<>(1);

        Handle(String path, SimProcess opener, long openedAt) {
            this.path = path;
            this.opener = opener;
            this.openedAt = openedAt;
        }
    }

    private final BuildSimulation sim;

    DirectoryHandles(BuildSimulation sim) {
        this.sim = sim;
    }

    /** Logs that {@code p} opens its current directory at {@code at}. */
    void open(SimProcess p, String path, long at) {
        sim.emit(at, p, p.mainTid, "CreateFile", path, Event.SUCCESS, sim.text.createFile("Execute/Traverse, Synchronize",
                "Open", "Directory, Synchronous IO Non-Alert", "n/a", "Read, Write", "n/a", "Opened"));
        Handle h = new Handle(path, p, at);
        h.holders.add(p);
        p.held.add(h);
    }

    /** The child inherits every directory handle its parent holds (called when the spawn is planned). */
    void inherit(SimProcess parent, SimProcess child) {
        for (Handle h : parent.held) {
            h.holders.add(child);
            child.held.add(h);
            if (h.opener == parent && child.createdAt - h.openedAt <= SemanticsOracle.RACE_WINDOW) {
                h.racers.add(child);
            }
        }
    }

    /**
     * Drops the exiting process's handles; logs the rundown CloseFile of those it held last: its
     * own object first, then inherited ones, latest opened first. CloseFiles of one path in one
     * process cannot tell their objects apart; this order is the one a reader that matches a
     * close to the process's own object first, else to the latest ancestor's, attributes right.
     */
    void exited(SimProcess p, long exitAt) {
        long at = exitAt;
        List<Handle> order = new ArrayList<>(p.held);
        order.sort(Comparator.comparing((Handle h) -> h.opener != p).thenComparing(h -> -h.openedAt));
        for (Handle h : order) {
            h.holders.remove(p);
            if (!h.holders.isEmpty()) {
                continue;
            }
            at += 20 + sim.random.nextInt(300);
            sim.emit(at, p, p.mainTid, "CloseFile", h.path, Event.SUCCESS, "");
            SimProcess carrier = null;
            if (p != h.opener) {
                carrier = p;
                while (carrier.parent != h.opener) {
                    carrier = carrier.parent;
                }
                sim.truth.add(new Leak(h.path, h.opener.ref(), h.openedAt, carrier.ref(), carrier.createdAt, p.ref(), at,
                        "leaked", ExpectedVerdict.leakSeverity("leaked", false),
                        p.name.equalsIgnoreCase("mspdbsrv.exe") ? Leak.MSVC : h.opener.name));
            }
            for (SimProcess child : h.racers) {
                boolean carried = child == carrier;
                sim.truth.add(new Race(h.path, h.opener.ref(), h.openedAt, child.ref(), child.createdAt, carried,
                        carried ? RaceEvidence.CONFIRMED : RaceEvidence.BENIGN, false));
            }
        }
        p.held.clear();
    }
}
