package org.pmtriage.diagnosis;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;

/**
 * Turns an event's raw stack into {@link DecodedStack}: an address in one of the process's modules
 * is {@code module+0xOFFSET}; else, in the kernel's half (a 64-bit capture's negative addresses, or
 * a 32-bit capture's above 2 GiB that the System process's modules hold), it is a kernel frame
 * decoded against the System process's modules; else {@code <unknown>} (JIT code, an unlisted
 * module). System may also list user-mode images (Windows 7 boot-time ones, as in
 * prsp0007-samples): a user address is never decoded against those.
 * A frame whose symbol the log wrote (an XML export with resolved stacks) keeps that text.
 */
public final class StackDecoder {

    private StackDecoder() {
    }

    /** @return whether {@code address} may be a kernel one: 64-bit high half, or 32-bit above 2 GiB */
    private static boolean inKernelHalf(long address) {
        return address < 0 || (address >= 0x8000_0000L && address <= 0xFFFF_FFFFL);
    }

    /**
     * @param record the event's record number
     * @param tid    its thread, or -1
     * @param stack  its stack
     * @param user   the process's modules when the event was logged
     * @param kernel the System process's modules
     * @return the decoded stack, one frame per raw frame
     */
    public static DecodedStack decode(long record, int tid, Stack stack, ModuleMap user, ModuleMap kernel) {
        List<DecodedStack.Frame> frames = new ArrayList<>(stack.depth());
        for (StackFrame f : stack.frames()) {
            long address = f.address();
            boolean inUser = user.moduleAt(address).isPresent();
            boolean isKernel = !inUser && inKernelHalf(address) && (address < 0 || kernel.moduleAt(address).isPresent());
            String text;
            if (!f.location().isEmpty()) {
                text = f.location();
            } else if (isKernel) {
                text = kernel.frameText(address);
            } else {
                text = user.frameText(address);
            }
            frames.add(new DecodedStack.Frame(address, text, isKernel));
        }
        return new DecodedStack(record, tid, frames);
    }

}
