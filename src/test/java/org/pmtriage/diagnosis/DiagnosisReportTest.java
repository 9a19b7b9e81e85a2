package org.pmtriage.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Module;
import org.pmtriage.event.Stack;
import org.pmtriage.report.Report;

/** The story of issue 14: the runtime, the stacks of the open and the spawn, and the remedy, in every report. */
class DiagnosisReportTest {

    private static final long KERNEL = 0xfffff80000000000L;
    private static final long PYTHON_DLL = 0x1e000000L;
    private static final long MSVCR = 0x70000000L;
    private static final long KERNELBASE = 0x7ff800000000L;
    private static final long KERNEL32 = 0x7ff810000000L;

    /** python.exe (4312) loads {@code pythonDll}, opens on thread 1204, spawns cmd.exe from thread 1580; cmd.exe closes it. */
    private static AnalysisResult story(String pythonDll) {
        DiagnosisCapture c = new DiagnosisCapture()
                .system(List.of(new Module(KERNEL, 0x1000000, "C:\\Windows\\system32\\ntoskrnl.exe", "", "", "")));
        c.event(0, "python.exe", 4312, 1204, "Thread Create", "", "SUCCESS", "Thread ID: 1580",
                DiagnosisCapture.stack(KERNEL + 0x100));
        c.load(0.1, "python.exe", 4312, "C:\\Python27\\" + pythonDll, PYTHON_DLL, 0x300000)
                .load(0.2, "python.exe", 4312, "C:\\Windows\\WinSxS\\msvcr90.dll", MSVCR, 0xa0000)
                .load(0.3, "python.exe", 4312, "C:\\Windows\\System32\\KernelBase.dll", KERNELBASE, 0x300000)
                .load(0.4, "python.exe", 4312, "C:\\Windows\\System32\\kernel32.dll", KERNEL32, 0xc0000);
        c.open(1, "python.exe", 4312, 1204, Scenarios.FILE, DiagnosisCapture.WRITE_EXCLUSIVE,
                        DiagnosisCapture.stack(KERNEL + 0x12345, MSVCR + 0x1f2a, PYTHON_DLL + 0x5e1c0, PYTHON_DLL + 0x2c3d0,
                                0x12345678L))
                .spawn(19.9, "python.exe", 4312, 1580, "C:\\Windows\\system32\\cmd.exe", "cmd.exe /c cl.exe", 5120,
                        DiagnosisCapture.stack(KERNEL + 0x22222, KERNELBASE + 0x12345, KERNEL32 + 0x1111,
                                PYTHON_DLL + 0xa0000))
                .refused(22, "cl.exe", 5816, Scenarios.FILE, DiagnosisCapture.WRITE_REFUSED)
                .close(50, "cmd.exe", 5120, Scenarios.FILE)
                .exit(51, "cmd.exe", 5120, 0);
        return c.finish();
    }

    @Test
    void aCpython27LeakNamesTheRuntimeTheStacksAndTheRemedyInText() {
        String text = DiagnosisCapture.text(DiagnosisCapture.report(story("python27.dll")));
        assertTrue(text.contains("Runtime: python.exe (4312) runs CPython 2.7, by module C:\\Python27\\python27.dll\n"),
                text);
        // consecutive frames of one module fold into the innermost
        assertTrue(text.contains("Opened on thread 1204 at msvcr90.dll+0x1f2a <- python27.dll+0x5e1c0 (x2)"
                + " <- <unknown>\n"), text);
        assertTrue(text.contains("Spawned on thread 1580 at KernelBase.dll+0x12345 <- kernel32.dll+0x1111"
                + " <- python27.dll+0xa0000\n"), text);
        assertTrue(text.contains("Remedy: CPython 2.x and 3.0-3.3, cross-thread race: "), text);
        assertTrue(text.contains("Sources: PEP 446; bpo-19575; SCons issues 1721, 2124."), text);
        assertTrue(text.contains("Runtimes: CPython 2.7 (python.exe (4312), by module python27.dll)"), text);
    }

    @Test
    void jsonHasEveryFrameTheIdentityAndTheRemedy() {
        JsonNode json = DiagnosisCapture.json(DiagnosisCapture.report(story("python27.dll")));
        JsonNode leak = json.get("findings").get(0);
        assertEquals("inherited-handle", leak.get("kind").asText());
        JsonNode open = leak.get("openStack");
        assertEquals(1204, open.get("tid").asInt());
        assertEquals(5, open.get("depth").asInt());
        assertEquals(4, open.get("resolved").asInt());
        assertEquals("ntoskrnl.exe+0x12345", open.get("frames").get(0).get("text").asText());
        assertTrue(open.get("frames").get(0).get("kernel").asBoolean());
        assertEquals("<unknown>", open.get("frames").get(4).get("text").asText());
        JsonNode spawn = leak.get("chain").get(0).get("stack");
        assertEquals(1580, spawn.get("tid").asInt());
        assertEquals(4, spawn.get("frames").size());
        JsonNode runtime = leak.get("opener").get("runtime");
        assertEquals("cpython", runtime.get("id").asText());
        assertEquals("2.7", runtime.get("version").asText());
        assertEquals("module", runtime.get("evidence").asText());
        assertEquals("strong", runtime.get("strength").asText());
        JsonNode modules = leak.get("opener").get("modules");
        assertEquals(4, modules.get("count").asInt());
        assertEquals("C:\\Python27\\python27.dll", modules.get("deciding").get(0).get("path").asText());
        JsonNode diagnosis = json.get("incidents").get(0).get("diagnosis");
        assertEquals("cross-thread-race", diagnosis.get("shape").asText());
        assertEquals("cpython-2", diagnosis.get("remedy").get("id").asText());
        assertEquals("PEP 446", diagnosis.get("remedy").get("sources").get(0).asText());
        assertEquals("cpython-2", json.get("patterns").get(0).get("diagnosis").get("remedy").get("id").asText());
        assertEquals("cpython", json.get("input").get("runtimes").get(0).get("id").asText());
    }

    @Test
    void htmlHasAnExpandableStackAndTheRemedy() {
        String html = DiagnosisCapture.html(DiagnosisCapture.report(story("python27.dll")));
        assertTrue(html.contains("<details class=\"stack\"><summary>Stack of the open (thread 1204): 5 frames, 4 resolved"
                + "</summary><ol><li class=\"kernel\">ntoskrnl.exe+0x12345"), html);
        assertTrue(html.contains("<summary>Stack of the spawn (thread 1580)"), html);
        assertTrue(html.contains("<strong>Remedy</strong> (cross-thread race): CPython 2.x and 3.0-3.3"), html);
        assertTrue(html.contains("PEP 446"), html);
    }

    @Test
    void aPython38OpenerWithTheSameTimingGetsNoCpython2Advice() {
        Report report = DiagnosisCapture.report(story("python38.dll"));
        String text = DiagnosisCapture.text(report);
        assertTrue(text.contains("runs CPython 3.8, by module C:\\Python27\\python38.dll"), text);
        assertFalse(text.contains("PEP 446"), text);
        assertFalse(text.contains("CPython 2.x"), text);
        assertTrue(text.contains("Remedy: none in pmtriage's remedies for CPython 3.8 and a cross-thread race."), text);
        assertTrue(DiagnosisCapture.json(report).get("incidents").get(0).get("diagnosis").get("remedy").isNull());
    }

    @Test
    void anMspdbsrvLeakGetsTheMsvcAdvice() {
        Report report = DiagnosisCapture.report(Scenarios.redirectIntoServer(Scenarios.of("mspdbsrv", "")));
        String text = DiagnosisCapture.text(report);
        assertTrue(text.contains("Runtime: mspdbsrv.exe (300) runs MSVC PDB server, by image path C:\\VS\\bin\\mspdbsrv.exe"), text);
        assertTrue(text.contains("Remedy: MSVC (cl /Zi, link) and mspdbsrv, redirect leaking into a server: "), text);
        assertTrue(text.contains("mspdbsrv -start -shutdowntime N"), text);
    }

    @Test
    void aScannerHeldFileGetsTheScannerAdvice() {
        String text = DiagnosisCapture.text(DiagnosisCapture.report(
                Scenarios.holding(Scenarios.of("antivirus", ""), DiagnosisCapture.READ_SHARED)));
        assertTrue(text.contains("Runtime: MsMpEng.exe (100) runs antivirus scanner, by its name only"), text);
        assertTrue(text.contains("Remedy: Antivirus and indexers, scanner holding a new file: Not inheritance"), text);
        assertTrue(text.contains("ocaml PR 13921"), text);
    }

    @Test
    void anImagePathAndCommandLineAloneNameCpython27AsWeakerEvidence() {
        DiagnosisCapture c = new DiagnosisCapture();
        c.event(0, "python.exe", 4312, -1, "Thread Create", "", "SUCCESS", "", "C:\\Python27\\python.exe",
                "C:\\Python27\\python.exe C:\\Python27\\Scripts\\scons.py -j8", ExportColumns.NONE, Stack.NONE);
        c.open(1, "python.exe", 4312, -1, Scenarios.FILE, DiagnosisCapture.WRITE_EXCLUSIVE, Stack.NONE)
                .spawn(19.9, "python.exe", 4312, -1, "C:\\Windows\\system32\\cmd.exe", "cmd.exe /c cl.exe", 5120,
                        Stack.NONE)
                .close(50, "cmd.exe", 5120, Scenarios.FILE);
        String text = DiagnosisCapture.text(DiagnosisCapture.report(c.finish()));
        assertTrue(text.contains("Runtime: python.exe (4312) runs CPython 2.7, by image path C:\\Python27\\python.exe"
                + " (weaker evidence: no module or version resource of it in the log)\n"), text);
        assertTrue(text.contains("Remedy: CPython 2.x and 3.0-3.3, leak into a child: "), text);
        assertFalse(text.contains("Opened on thread"), "no stack in the log: " + text);
    }
}
