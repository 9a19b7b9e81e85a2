package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A stack of addresses only (PML) is the same value as one of the same frames made one by one. */
class StackTest {

    @Test
    void aStackOfAddressesEqualsTheSameFramesAndCopiesOnlyItsDepth() {
        long[] read = {0xfffff80036e26839L, 0x1e04a3b1L, 0x1d0012a8L, 0x99L};
        Stack stack = Stack.ofAddresses(read, 3);
        Stack same = new Stack(List.of(new StackFrame(0xfffff80036e26839L), new StackFrame(0x1e04a3b1L),
                new StackFrame(0x1d0012a8L)));
        read[0] = 0;
        assertEquals(same, stack);
        assertEquals(same.hashCode(), stack.hashCode());
        assertEquals(3, stack.depth());
        assertEquals(new StackFrame(0x1d0012a8L), stack.frames().get(2));
        assertEquals(0, stack.textChars());
        assertEquals(0, same.textChars());
        assertEquals(9 + 16, new Stack(List.of(new StackFrame(0x10, "ntdll.dll", "ntdll.dll + 0x10"))).textChars());
        assertThrows(UnsupportedOperationException.class, () -> stack.frames().set(0, new StackFrame(1)));
    }

    @Test
    void aStackIsCharged48Then40PerFrameAnd2PerCharacterOfItsFramesText() {
        Stack read = Stack.ofAddresses(new long[] {0x10, 0x20, 0x30}, 3);
        assertEquals(48 + 3 * 40, read.bytes());
        Stack made = new Stack(List.of(new StackFrame(0x10), new StackFrame(0x20), new StackFrame(0x30)));
        assertEquals(made.bytes(), read.bytes());
        assertEquals(48, Stack.NONE.bytes());
        Stack xml = new Stack(List.of(new StackFrame(0x10, "ntdll.dll", "ntdll.dll + 0x10")));
        assertEquals(48 + 40 + 2 * (9 + 16), xml.bytes());
    }
}
