package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModuleMapTest {

    private static Module module(long base, long size, String path) {
        return new Module(base, size, path, "", "", "");
    }

    private final ModuleMap map = ModuleMap.of(List.of(
            module(0x7ffb_1000_0000L, 0x1000, "C:\\Windows\\System32\\kernel32.dll"),
            module(0x1e00_0000L, 0x2c_0000, "C:\\Windows\\system32\\python27.dll"),
            module(0x5000_0000L, 0, "C:\\unsized.dll"),
            module(0xffff_f800_0000_0000L, 0x80_0000, "C:\\Windows\\system32\\ntoskrnl.exe")));

    @Test
    void anAddressInsideAModuleIsItsNameAndOffset() {
        assertEquals("python27.dll+0x1a2b3", map.frameText(0x1e01_a2b3L));
        assertEquals("kernel32.dll+0x0", map.frameText(0x7ffb_1000_0000L));
        assertEquals("ntoskrnl.exe+0x12", map.frameText(0xffff_f800_0000_0012L));
    }

    @Test
    void anAddressPastTheEndOrInAnUnsizedModuleIsUnknown() {
        assertEquals(ModuleMap.UNKNOWN_FRAME, map.frameText(0x7ffb_1000_1000L));
        assertEquals(ModuleMap.UNKNOWN_FRAME, map.frameText(0x5000_0010L));
        assertEquals(ModuleMap.UNKNOWN_FRAME, map.frameText(0x10L));
        assertEquals(3, map.modules().size());
    }

    @Test
    void noModuleIsKnownOfAnEmptyMap() {
        assertTrue(ModuleMap.EMPTY.moduleAt(0x6000_00ffL).isEmpty());
        assertEquals(ModuleMap.UNKNOWN_FRAME, ModuleMap.EMPTY.frameText(0x6000_00ffL));
    }
}
