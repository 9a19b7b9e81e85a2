package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmtriage.SharedSamples;
import org.pmtriage.diagnosis.DecodedStack;
import org.pmtriage.diagnosis.StackDecoder;
import org.pmtriage.event.Event;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.ReadOptions;

/**
 * The real PMLs in ../shared carry stacks and module lists: every frame of every stack, decoded by
 * the product's {@link StackDecoder} against its process's modules (kernel addresses against the
 * System process's), is either a module and offset or {@code <unknown>}; the share
 * resolved per sample is pinned as measured (docs/diagnosis.md, "Stacks in the real samples"),
 * and the modules every Windows process runs through show up.
 */
class PmlStacksTest {

    /** How far the share of frames resolved may move before the test says the reading changed. */
    private static final double TOLERANCE = 0.0005;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            matefoxer-ron-crash/Logfile.PML         | 1250  | 50636   | 1.0000 | ntdll.dll kernel32.dll kernelbase.dll ntoskrnl.exe fltmgr.sys
            trustdan-dashboard/Logfile.PML          | 24    | 1120    | 1.0000 | ntdll.dll kernel32.dll ntoskrnl.exe fltmgr.sys
            procmon-parser/win10x64-process.pml     | 3400  | 85393   | 0.9922 | ntdll.dll kernel32.dll kernelbase.dll ntoskrnl.exe python38.dll
            procmon-parser/win7x86-mixed.pml        | 32930 | 1458428 | 0.9999 | ntdll.dll kernel32.dll ntkrnlpa.exe shell32.dll
            prsp0007-samples/Logfile.PML            | 2791  | 77696   | 0.9962 | ntdll.dll kernel32.dll kernelbase.dll ntoskrnl.exe wow64.dll
            tonyrulez-file_dump/Logfile.PML         | 587   | 10600   | 0.9484 | ntdll.dll kernel32.dll kernelbase.dll ntoskrnl.exe java.dll
            jereksel-cloudmirror/Logfile.PML        | 717   | 21792   | 0.9942 | ntdll.dll kernel32.dll kernelbase.dll ntoskrnl.exe cldapi.dll
            """)
    void everyFrameIsAModuleOrUnknown(String sample, long stacks, long frames, double share, String modules)
            throws IOException {
        Path log = SharedSamples.require(sample);
        long resolved = 0;
        long unknown = 0;
        long seenStacks = 0;
        Set<String> names = new HashSet<>();
        try (EventReader r = LogReaders.open(log.toString(), ReadOptions.defaults().withDecoding(Decoding.FULL))) {
            Frames placed = new Frames(r.processes());
            while (r.hasNext()) {
                Event e = r.next();
                if (e.stack().depth() == 0) {
                    continue;
                }
                seenStacks++;
                int eventResolved = 0;
                int eventUnknown = 0;
                for (DecodedStack.Frame f : placed.decode(e).frames()) {
                    String text = f.text();
                    if (text.equals(ModuleMap.UNKNOWN_FRAME)) {
                        eventUnknown++;
                    } else {
                        eventResolved++;
                        names.add(text.substring(0, text.indexOf("+0x")).toLowerCase(Locale.ROOT));
                    }
                }
                assertEquals(e.stack().depth(), eventResolved + eventUnknown, sample + " event " + e.record());
                resolved += eventResolved;
                unknown += eventUnknown;
            }
        }
        assertEquals(stacks, seenStacks, sample + ": events with a stack");
        assertEquals(frames, resolved + unknown, sample + ": frames");
        double measured = (double) resolved / (resolved + unknown);
        assertEquals(share, measured, TOLERANCE, sample + ": share of frames resolved, " + resolved + " of " + frames);
        for (String module : modules.split(" ")) {
            assertTrue(names.contains(module), sample + ": no frame in " + module + "; frames run through " + names);
        }
    }

    /** The module maps of the process table, the kernel's under System. */
    private static final class Frames {
        private final Map<Integer, ModuleMap> byProcess = new HashMap<>();
        private final ModuleMap kernel;

        Frames(List<ProcessInfo> table) {
            ModuleMap system = ModuleMap.EMPTY;
            for (ProcessInfo p : table) {
                ModuleMap map = ModuleMap.of(p.modules());
                byProcess.put(p.processIndex(), map);
                if (p.name().equals("System")) {
                    system = map;
                }
            }
            kernel = system;
        }

        DecodedStack decode(Event e) {
            return StackDecoder.decode(e.record(), e.tid(), e.stack(),
                    byProcess.getOrDefault(e.processIndex(), ModuleMap.EMPTY), kernel);
        }
    }
}
