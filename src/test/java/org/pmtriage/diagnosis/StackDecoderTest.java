package org.pmtriage.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pmtriage.diagnosis.DiagnosisCapture.stack;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Module;
import org.pmtriage.event.ModuleMap;

class StackDecoderTest {

    private static Module module(long base, String path) {
        return new Module(base, 0x10000, path, "", "", "");
    }

    @Test
    void userFramesInTheProcessKernelFramesInSystemTheRestUnknown() {
        ModuleMap user = ModuleMap.of(List.of(module(0x1e000000L, "C:\\Python27\\python27.dll")));
        ModuleMap kernel = ModuleMap.of(List.of(module(0xfffff80412340000L, "C:\\Windows\\system32\\ntoskrnl.exe"),
                module(0x82000000L, "C:\\Windows\\system32\\ntkrnlpa.exe")));
        DecodedStack d = StackDecoder.decode(7, 1580, stack(0xfffff80412340010L, 0x82000020L, 0x1e000030L, 0x5000L),
                user, kernel);
        assertEquals(List.of("ntoskrnl.exe+0x10", "ntkrnlpa.exe+0x20", "python27.dll+0x30", "<unknown>"),
                d.frames().stream().map(DecodedStack.Frame::text).toList());
        assertEquals(List.of(true, true, false, false), d.frames().stream().map(DecodedStack.Frame::kernel).toList());
        assertEquals(1580, d.tid());
    }

    @Test
    void aUserAddressIsNeverDecodedAgainstUserImagesSystemLists() {
        // prsp0007-samples/Logfile.PML (Windows 7): System lists smss.exe, ntdll.dll, ... at user addresses
        ModuleMap kernel = ModuleMap.of(List.of(module(0x772f0000L, "C:\\Windows\\System32\\ntdll.dll")));
        DecodedStack.Frame f = StackDecoder.decode(1, 2, stack(0x772f0010L), ModuleMap.EMPTY, kernel).frames().get(0);
        assertEquals("<unknown>", f.text());
        assertFalse(f.kernel());
        assertTrue(StackDecoder.decode(1, 2, stack(0xfffff80000000000L), ModuleMap.EMPTY, ModuleMap.EMPTY)
                .frames().get(0).kernel());
    }
}
