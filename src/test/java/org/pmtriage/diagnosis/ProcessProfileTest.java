package org.pmtriage.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Module;

class ProcessProfileTest {

    private static Module module(long base, String path) {
        return new Module(base, 0x1000, path, "", "", "");
    }

    private static boolean loaded(ProcessProfile p, Module m, boolean forStacks) {
        return p.loaded(m, RuntimeIdentifier.decides(m.path()), forStacks);
    }

    @Test
    void modulesPastTheCapAreCountedNotKeptAndEvidenceStaysAfterRetirement() {
        ProcessProfile p = new ProcessProfile();
        loaded(p, module(0x1000, "C:\\Python27\\python27.dll"), true);
        for (int i = 1; i < ProcessProfile.MAX_MODULES + 2; i++) {
            loaded(p, module(0x100000L * (i + 1), "C:\\x\\m" + i + ".dll"), true);
        }
        ProcessIdentity id = p.identity("scons.exe", "");
        assertEquals(ProcessProfile.MAX_MODULES + 2, id.moduleCount());
        assertEquals(2, id.modulesNotKept());
        assertEquals(ProcessProfile.MAX_MODULES, p.keptForStacks());
        assertEquals("python27.dll+0x10", p.modules().map().frameText(0x1010));
        p.retire();
        assertEquals(0, p.keptForStacks());
        assertEquals("<unknown>", p.modules().map().frameText(0x1010), "its modules went with its exit");
        ProcessIdentity after = p.identity("scons.exe", "");
        assertEquals("2.7", after.runtime().version(), "what identifies it stays");
        assertEquals(List.of("C:\\Python27\\python27.dll"), after.decidingModules().stream().map(Module::path).toList());
    }

    @Test
    void aModuleTheProcessTableListsIsNotCountedTwice() {
        ProcessProfile p = new ProcessProfile();
        p.tableModules(List.of(module(0x1000, "C:\\Python38\\python38.dll")));
        assertFalse(loaded(p, module(0x1000, "c:\\python38\\PYTHON38.DLL"), true));
        assertTrue(loaded(p, module(0x9000, "C:\\x\\other.dll"), true));
        assertEquals(2, p.identity("python.exe", "").moduleCount());
    }

    @Test
    void onlyTableModulesThatNameARuntimeAreEvidence() {
        ProcessProfile p = new ProcessProfile();
        p.tableModules(List.of(module(0x1000, "C:\\x\\other.dll"), module(0x9000, "C:\\Python38\\python38.dll")));
        ProcessIdentity id = p.identity("python.exe", "");
        assertEquals(List.of("C:\\Python38\\python38.dll"), id.decidingModules().stream().map(Module::path).toList());
        assertEquals(2, id.moduleCount());
    }

    @Test
    void modulesAreKeptForStacksOnlyWhenAsked() {
        ProcessProfile p = new ProcessProfile();
        assertFalse(loaded(p, module(0x1000, "C:\\x\\a.dll"), false));
        assertEquals("<unknown>", p.modules().map().frameText(0x1010));
        assertEquals(1, p.identity("a.exe", "").moduleCount());
    }

    @Test
    void aSnapshotShowsTheModulesOfItsMomentOnly() {
        ProcessProfile p = new ProcessProfile();
        p.tableModules(List.of(module(0x1000, "C:\\Python27\\python27.dll")));
        ModuleSnapshot before = p.modules();
        assertTrue(loaded(p, module(0x9000, "C:\\x\\late.dll"), true));
        ModuleSnapshot after = p.modules();
        p.retire();
        assertEquals("<unknown>", before.map().frameText(0x9010), "loaded after the snapshot");
        assertEquals("python27.dll+0x10", before.map().frameText(0x1010));
        assertEquals("late.dll+0x10", after.map().frameText(0x9010), "the process's exit changes no snapshot");
        assertEquals("<unknown>", p.modules().map().frameText(0x1010));
    }
}
