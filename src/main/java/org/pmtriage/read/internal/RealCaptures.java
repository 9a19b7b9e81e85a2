package org.pmtriage.read.internal;

/**
 * What a real capture holds at most, with room to spare, in every format: a reader refuses or
 * leaves out more, so that a damaged log cannot make it keep lists without bound. The real
 * samples in ../shared record stacks of at most 150 frames and processes of at most 342 modules.
 */
public final class RealCaptures {

    /** Most frames an event's stack may have. */
    public static final int MAX_STACK_FRAMES = 512;
    /** Most modules a process may list; real processes load a few hundred. */
    public static final int MAX_MODULES = 4096;

    private RealCaptures() {
    }
}
