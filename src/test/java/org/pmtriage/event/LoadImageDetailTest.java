package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Load Image Details as the real exports in ../shared write them (en-US, es-ES, 32- and 64-bit). */
class LoadImageDetailTest {

    private static Event loadImage(String path, String detail) {
        return Event.basic(1, 0, "Explorer.EXE", 3344, "Load Image", path, "SUCCESS", detail);
    }

    @Test
    void aSixtyFourBitImageGivesItsBaseAndSize() {
        Module m = LoadImageDetail.module(loadImage("C:\\Windows\\System32\\cdprt.dll",
                "Image Base: 0x7ffa744e0000, Image Size: 0x204000")).orElseThrow();
        assertEquals(new Module(0x7ffa744e0000L, 0x204000, "C:\\Windows\\System32\\cdprt.dll", "", "", ""), m);
        assertEquals("cdprt.dll+0x10", ModuleMap.of(List.of(m)).frameText(0x7ffa744e0010L));
    }

    @Test
    void aThirtyTwoBitImageFromASpanishExportIsReadAlike() {
        // prsp0007-samples/Logfile.CSV (es-ES): hexadecimal numbers are not localized
        Module m = LoadImageDetail.module("C:\\Windows\\System32\\ntdll.dll", "Image Base: 0x772f0000, Image Size: 0x19f000")
                .orElseThrow();
        assertEquals(0x772f0000L, m.base());
        assertEquals(0x19f000L, m.size());
        assertEquals("ntdll.dll", m.fileName());
    }

    @Test
    void aKernelAddressKeepsAllSixtyFourBits() {
        Module m = LoadImageDetail.module("C:\\Windows\\system32\\drivers\\fltmgr.sys",
                "Image Base: 0xfffff80412340000, Image Size: 0x80000").orElseThrow();
        assertEquals(0xfffff80412340000L, m.base());
        assertTrue(m.contains(0xfffff8041237ffffL));
    }

    @Test
    void otherEventsAndDetailsWithoutABaseGiveNoModule() {
        assertEquals(Optional.empty(), LoadImageDetail.module(Event.basic(1, 0, "a.exe", 1, "CreateFile", "C:\\x.dll",
                "SUCCESS", "Image Base: 0x1000, Image Size: 0x10")));
        assertEquals(Optional.empty(), LoadImageDetail.module(loadImage("C:\\x.dll", "")));
        assertEquals(Optional.empty(), LoadImageDetail.module(loadImage("", "Image Base: 0x1000, Image Size: 0x10")));
        assertEquals(Optional.empty(), LoadImageDetail.module("C:\\x.dll", "Image Base: 0x, Image Size: 0x10"));
        assertEquals(Optional.empty(), LoadImageDetail.module("C:\\x.dll", "Image Base: 0x1234567890abcdef0"));
    }

    @Test
    void aDetailWithoutASizeGivesAnUnsizedModule() {
        assertEquals(0, LoadImageDetail.module("C:\\x.dll", "Image Base: 0x400000").orElseThrow().size());
    }

    @Test
    void aBaseWithoutItsPrefixIsStillRead() {
        Module m = LoadImageDetail.module("C:\\x\\a.dll", "Image Base: 7ff6a5b40000, Image Size: 1d000").orElseThrow();
        assertEquals(0x7ff6a5b40000L, m.base());
        assertEquals(0x1d000, m.size());
    }

    @Test
    void aKernelBaseOfSixteenDigitsIsReadUnsigned() {
        Module m = LoadImageDetail.module("C:\\Windows\\system32\\ntoskrnl.exe",
                "Image Base: 0xFFFFF80212340000, Image Size: 0xAB7000").orElseThrow();
        assertEquals(0xfffff80212340000L, m.base());
        assertEquals(0xab7000, m.size());
    }
}
