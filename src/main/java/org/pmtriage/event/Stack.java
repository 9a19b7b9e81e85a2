package org.pmtriage.event;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

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
        frames = frames instanceof Addresses ? frames : List.copyOf(frames);
    }

    /**
     * A stack of which the log gives only the return addresses (PML). Its frames are made when
     * read: a reader keeps one array per stack, and most kept stacks are never decoded.
     *
     * @param addresses the return addresses, innermost first (the first {@code depth} are copied)
     * @param depth     how many
     */
    public static Stack ofAddresses(long[] addresses, int depth) {
        return new Stack(new Addresses(Arrays.copyOf(addresses, depth)));
    }

    /** @return the number of frames */
    public int depth() {
        return frames.size();
    }

    /**
     * @return about the bytes it takes in memory: 48 for the stack, 40 per frame, 2 per character of
     *         its frames' texts; what a stack keeper charges against its budget and a read-ahead
     *         counts for the events in flight
     */
    public long bytes() {
        return 48 + 40L * depth() + 2 * textChars();
    }

    /** @return the characters of its frames' module and location texts: none when the log gave only addresses (PML) */
    public long textChars() {
        if (frames instanceof Addresses) {
            return 0;
        }
        long chars = 0;
        for (StackFrame f : frames) {
            chars += f.module().length() + f.location().length();
        }
        return chars;
    }

    /** Frames that are only addresses, as an immutable list. */
    private static final class Addresses extends AbstractList<StackFrame> implements RandomAccess {

        private final long[] addresses;

        Addresses(long[] addresses) {
            this.addresses = addresses;
        }

        @Override
        public StackFrame get(int index) {
            return new StackFrame(addresses[index]);
        }

        @Override
        public int size() {
            return addresses.length;
        }
    }
}
