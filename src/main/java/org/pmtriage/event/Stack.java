package org.pmtriage.event;

import java.util.List;

/**
 * The call stack ProcMon recorded with an event (PML, XML exported with stacks), innermost frame
 * first; kernel frames come before user-mode ones.
 *
 * @param frames the frames, never null
 */
public record Stack(List<StackFrame> frames) {

    /** The stack of an event whose log records none (CSV, or a capture without stacks). */
    public static final Stack NONE = new Stack(List.of());

    public Stack {
        frames = List.copyOf(frames);
    }

    /** @return the number of frames */
    public int depth() {
        return frames.size();
    }
}
