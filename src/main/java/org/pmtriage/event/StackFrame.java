package org.pmtriage.event;

import java.util.Objects;

/**
 * One frame of an event's call stack, innermost first in {@link Stack#frames()}.
 *
 * @param address  the return address
 * @param module   the module's path as the log wrote it (XML exported with stacks), else empty
 * @param location the frame as the log wrote it: a symbol or {@code module + 0xoffset} (XML
 *                 exported with stacks), else empty
 */
public record StackFrame(long address, String module, String location) {

    public StackFrame {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(location, "location");
    }

    /** A frame of which the log gives only the address (PML). */
    public StackFrame(long address) {
        this(address, "", "");
    }
}
