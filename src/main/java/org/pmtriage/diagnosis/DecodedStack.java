package org.pmtriage.diagnosis;

import java.util.List;
import java.util.Objects;

import org.pmtriage.event.ModuleMap;

/**
 * The call stack of one event a finding cites, decoded: each frame as {@code module+0xOFFSET}, the
 * symbol the log gives, or {@code <unknown>}; innermost first, kernel frames marked.
 *
 * @param record the event's record number
 * @param tid    the thread the event ran on, or -1
 * @param frames every frame of the event's stack, in the log's order
 */
public record DecodedStack(long record, int tid, List<Frame> frames) {

    public DecodedStack {
        frames = List.copyOf(frames);
    }

    /**
     * One frame.
     *
     * @param address its return address
     * @param text    {@code python27.dll+0x1a2b3}, the log's symbol text, or {@code <unknown>}
     * @param kernel  whether it runs in the kernel (decoded against the System process's modules)
     */
    public record Frame(long address, String text, boolean kernel) {
        public Frame {
            Objects.requireNonNull(text, "text");
        }

        /** @return whether its address lies in a known module (or the log named its symbol) */
        public boolean resolved() {
            return !ModuleMap.UNKNOWN_FRAME.equals(text);
        }
    }

    /** @return the user-mode frames, innermost first */
    public List<Frame> userFrames() {
        return frames.stream().filter(f -> !f.kernel()).toList();
    }

    /** @return how many frames lie in a known module */
    public long resolvedCount() {
        return frames.stream().filter(Frame::resolved).count();
    }
}
