package org.pmtriage.generator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.SplittableRandom;

/**
 * Hands out Windows-like client IDs (multiples of 4) for processes and threads. With reuse on, a
 * process ID comes back only after the process that held it has exited (and a short while
 * longer), which is what makes PID-only analysis wrong.
 */
final class PidAllocator {

    private static final int POOL = 48;
    private static final long QUARANTINE = 2 * CaptureConfig.MS;

    private record Freed(int pid, long freeFrom) {
    }

    private final SplittableRandom random;
    private final boolean reuse;
    private final Deque<Freed> freed = new ArrayDeque<>();
    private int next;

    PidAllocator(SplittableRandom random, boolean reuse, int first) {
        this.random = random;
        this.reuse = reuse;
        this.next = first;
    }

    /** @return a fresh ID never handed out before */
    int fresh() {
        next += 4 * (1 + random.nextInt(6));
        return next;
    }

    /**
     * @param at when the process starts
     * @return a PID free at that time: often a reused one when reuse is on
     */
    int processId(long at) {
        if (reuse && random.nextInt(3) != 0) {
            for (Iterator<Freed> it = freed.iterator(); it.hasNext(); ) {
                Freed f = it.next();
                if (f.freeFrom <= at) {
                    it.remove();
                    return f.pid;
                }
            }
        }
        return fresh();
    }

    /** Records that a process's PID is free from its (planned) exit on. */
    void release(int pid, long exitTime) {
        if (!reuse) {
            return;
        }
        freed.addLast(new Freed(pid, exitTime + QUARANTINE));
        if (freed.size() > POOL) {
            freed.removeFirst();
        }
    }
}
