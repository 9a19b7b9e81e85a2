package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.ReadOptions;

/**
 * Process identity and stacks of the generator ({@link Images#recorded()}): the scenarios'
 * processes list their modules, every frame falls in a module but the ones meant to fall in none,
 * and the story's open and spawn run through the code paths of the driver's runtime.
 */
class ImagesAndStacksTest {

    /** A simulated capture with its process table and its modules by process index. */
    private record Capture(List<Event> events, List<ProcessInfo> processes, Map<Integer, ModuleMap> modules,
                           ModuleMap kernel, CaptureTruth truth) {

        static Capture of(CaptureConfig config) {
            BuildSimulation sim = new BuildSimulation(config, true);
            List<Event> events = new ArrayList<>();
            sim.forEachRemaining(events::add);
            Map<Integer, ModuleMap> modules = new HashMap<>();
            ModuleMap kernel = ModuleMap.EMPTY;
            for (ProcessInfo p : sim.processes()) {
                modules.put(p.processIndex(), ModuleMap.of(p.modules()));
                if (p.name().equals("System")) {
                    kernel = ModuleMap.of(p.modules());
                }
            }
            return new Capture(events, sim.processes(), modules, kernel, sim.truth());
        }

        /** @return the frames' {@code module+0xOFFSET} texts, kernel addresses against the System process */
        List<String> frames(Event e) {
            List<String> out = new ArrayList<>();
            for (StackFrame f : e.stack().frames()) {
                out.add((f.address() < 0 ? kernel : modules.get(e.processIndex())).frameText(f.address()));
            }
            return out;
        }

        Event first(String process, String operation, String path) {
            return events.stream().filter(e -> e.processName().equals(process) && e.operationName().equals(operation)
                    && e.path().equals(path)).findFirst().orElseThrow();
        }
    }

    @Test
    void theStoryOpensThroughMsvcr90AndSpawnsThroughKernel32FromAnotherThread() {
        Capture c = Capture.of(Scenario.FLAKY_BUILD.config());
        Event open = c.first("python.exe", "CreateFile", "C:\\build\\gen\\parser_tab.cpp");
        Event spawn = c.events().stream().filter(e -> e.operationName().equals("Process Create")
                && e.detail().startsWith("PID: 5120,")).findFirst().orElseThrow();
        assertEquals(List.of("FLTMGR.SYS", "ntoskrnl.exe", "ntdll.dll", "KernelBase.dll", "MSVCR90.dll", "python27.dll",
                "MSVCR90.dll", "kernel32.dll", "ntdll.dll"), modules(c.frames(open)));
        assertEquals(List.of("ntoskrnl.exe", "ntdll.dll", "KernelBase.dll", "kernel32.dll", "python27.dll", "MSVCR90.dll",
                "kernel32.dll", "ntdll.dll"), modules(c.frames(spawn)));
        assertNotEquals(open.tid(), spawn.tid(), "the spawn runs on another thread than the open");
        assertEquals("CPython 2.7", c.truth().leaks().get(0).runtime());
        ProcessInfo python = process(c, 4312);
        assertEquals(List.of("2.7.18150.1013", "Python Software Foundation", "Python"),
                List.of(python.columns().version(), python.columns().company(), python.columns().description()));
        assertTrue(python.modules().stream().anyMatch(m -> m.fileName().equals("python27.dll")));
    }

    @Test
    void python38RunsTheSameTimingThroughTheUcrtAndLeaksNothing() {
        Capture py27 = Capture.of(Scenario.FLAKY_BUILD.config());
        Capture py38 = Capture.of(Scenario.PYTHON38.config());
        Event open = py38.first("python.exe", "CreateFile", "C:\\build\\gen\\parser_tab.cpp");
        Event open27 = py27.first("python.exe", "CreateFile", "C:\\build\\gen\\parser_tab.cpp");
        assertEquals(open27.time(), open.time());
        CaptureTruth.Race race = py38.truth().races().stream().filter(r -> r.path().equals(open.path()))
                .findFirst().orElseThrow();
        assertEquals(18.9, race.gapMs(), 1e-9);
        assertEquals("refuted", race.grade(true));
        assertTrue(py38.truth().leaks().stream().noneMatch(l -> l.opener().name().equals("python.exe")));
        assertTrue(py38.truth().sharingViolations().isEmpty());
        assertEquals(List.of("FLTMGR.SYS", "ntoskrnl.exe", "ntdll.dll", "KernelBase.dll", "ucrtbase.dll", "python38.dll",
                "ucrtbase.dll", "kernel32.dll", "ntdll.dll"), modules(py38.frames(open)));
        List<String> dlls = process(py38, 4312).modules().stream().map(Module::fileName).toList();
        assertTrue(dlls.containsAll(List.of("python38.dll", "python3.dll", "vcruntime140.dll")), dlls.toString());
        assertFalse(dlls.contains("python27.dll"));
        assertTrue(py38.events().stream().anyMatch(e -> e.pid() == 4312 && e.operationName().equals("CloseFile")
                && e.path().equals(open.path())), "the driver closes its own file");
    }

    @Test
    void theMsvcAndScannerScenariosNameTheirKeepers() {
        Capture pdb = Capture.of(Scenario.MSPDBSRV.config());
        CaptureTruth.Leak leak = pdb.truth().leaks().stream().filter(l -> l.closer().name().equals("mspdbsrv.exe"))
                .findFirst().orElseThrow();
        assertEquals(CaptureTruth.Leak.MSVC, leak.runtime());
        Event serverStart = pdb.events().stream().filter(e -> e.operationName().equals("Process Create")
                && e.path().endsWith("mspdbsrv.exe")).findFirst().orElseThrow();
        assertEquals(List.of("ntoskrnl.exe", "ntdll.dll", "KernelBase.dll", "kernel32.dll", "mspdb140.dll", "link.exe",
                "kernel32.dll", "ntdll.dll"), modules(pdb.frames(serverStart)));

        Capture scan = Capture.of(Scenario.SCANNER.config());
        CaptureTruth.SharingViolation refused = scan.truth().sharingViolations().get(0);
        assertEquals("MsMpEng.exe", refused.holders().get(0).opener().name());
        Event scannerOpen = scan.first("MsMpEng.exe", "CreateFile", refused.path());
        List<String> frames = scan.frames(scannerOpen);
        assertTrue(modules(frames).containsAll(List.of("mpengine.dll", ModuleMap.UNKNOWN_FRAME)), frames.toString());
    }

    @Test
    void everyFrameFallsInAModuleButTheOnesMeantNot() {
        for (Scenario s : Scenario.values()) {
            Capture c = Capture.of(s.config());
            long unknownElsewhere = 0;
            for (Event e : c.events()) {
                assertTrue(e.stack().depth() >= 6, s + " " + e);
                List<String> frames = c.frames(e);
                boolean parentStack = e.operationName().equals("Process Start") || e.operationName().equals("Thread Create");
                boolean generated = e.processName().equals("MsMpEng.exe");
                if (!parentStack && !generated) {
                    unknownElsewhere += frames.stream().filter(ModuleMap.UNKNOWN_FRAME::equals).count();
                }
            }
            assertEquals(0, unknownElsewhere, s.option());
        }
    }

    @Test
    void aChildsStartCarriesItsParentsSpawnStack() {
        Capture c = Capture.of(Scenario.FLAKY_BUILD.config());
        Event spawn = c.events().stream().filter(e -> e.operationName().equals("Process Create")
                && e.detail().startsWith("PID: 5120,")).findFirst().orElseThrow();
        Event start = c.events().stream().filter(e -> e.pid() == 5120 && e.operationName().equals("Process Start"))
                .findFirst().orElseThrow();
        assertEquals(spawn.stack(), start.stack());
        List<String> frames = c.frames(start);
        assertTrue(frames.contains(ModuleMap.UNKNOWN_FRAME), "python27.dll is not mapped in cmd.exe: " + frames);
        assertTrue(frames.get(frames.size() - 1).startsWith("ntdll.dll+"), frames.toString());
    }

    @Test
    void loadImageEventsAgreeWithTheModuleLists() {
        Capture c = Capture.of(Scenario.FLAKY_BUILD.config());
        int checked = 0;
        for (Event e : c.events()) {
            if (!e.operationName().equals("Load Image")) {
                continue;
            }
            Module m = c.modules().get(e.processIndex()).modules().stream()
                    .filter(x -> x.path().equalsIgnoreCase(e.path())).findFirst().orElseThrow(() -> new AssertionError(e));
            assertEquals("Image Base: 0x" + Long.toHexString(m.base()) + ", Image Size: 0x" + Long.toHexString(m.size()),
                    e.detail());
            checked++;
        }
        assertTrue(checked > 20, "Load Image events: " + checked);
    }

    @Test
    void withoutImagesNothingIsRecorded() {
        BuildSimulation sim = new BuildSimulation(CaptureConfig.defaults(1), true);
        sim.forEachRemaining(e -> assertEquals(Stack.NONE, e.stack()));
        assertTrue(sim.processes().stream().allMatch(p -> p.modules().isEmpty()));
        assertTrue(sim.processes().stream().noneMatch(p -> p.name().equals("System")));
    }

    /** The product's PML reader gets each event's process columns as written. */
    @Test
    void theProductReadsTheBundledPmlsProcessColumnsAsWritten() throws IOException {
        Capture c = Capture.of(Scenario.FLAKY_BUILD.config());
        Map<Integer, ProcessInfo> written = new HashMap<>();
        c.processes().forEach(p -> written.put(p.processIndex(), p));
        List<Event> read = new ArrayList<>();
        try (EventReader r = LogReaders.open(Path.of("samples", "flaky-build.pml").toString(),
                ReadOptions.defaults().withDecoding(Decoding.EXPORT))) {
            r.forEachRemaining(read::add);
        }
        assertEquals(c.events().size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            Event e = read.get(i);
            assertEquals(c.events().get(i).tid(), e.tid());
            assertEquals(written.get(c.events().get(i).processIndex()).columns(), e.columns().process(), e.toString());
        }
    }

    private static ProcessInfo process(Capture c, int pid) {
        return c.processes().stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
    }

    /** The module names of a stack in order, a run of frames in one module counted once. */
    private static List<String> modules(List<String> frames) {
        List<String> out = new ArrayList<>();
        for (String f : frames) {
            String m = f.contains("+") ? f.substring(0, f.indexOf('+')) : f;
            if (m.equals("python.exe")) {
                continue;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).equals(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
