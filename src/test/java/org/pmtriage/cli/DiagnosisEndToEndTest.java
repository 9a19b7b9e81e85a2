package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.generator.GenerateCapture;
import org.pmtriage.generator.Scenario;

/**
 * Issue 14's "Done when", through the command line: the bundled flaky-build samples (PML with
 * modules and stacks, 7-column CSV) and the generator's scenarios (Python 3.8, mspdbsrv, scanner)
 * written as PML at test time.
 */
class DiagnosisEndToEndTest {

    private static final Path PML = Path.of("samples", "flaky-build.pml");
    private static final Path CSV = Path.of("samples", "flaky-build.csv");
    private static final String REMEDY_FIX = "Fix: Python 3.4 or later (files non-inheritable by default), better 3.7 or"
            + " later; meanwhile serialize open and spawn with one lock, or clear HANDLE_FLAG_INHERIT with"
            + " SetHandleInformation right after opening.";

    @TempDir
    Path dir;

    private static CliRun analyze(String... args) {
        List<String> all = new ArrayList<>(List.of("analyze", "--fail-on", "none"));
        all.addAll(List.of(args));
        CliRun run = CliRun.of(all.toArray(new String[0]));
        assertEquals(0, run.code(), run.err());
        return run;
    }

    private static JsonNode json(Path log) throws IOException {
        return new ObjectMapper().readTree(analyze("--format", "json", log.toString()).out());
    }

    /** @return the incident's text block: from its id line to the next blank line */
    private static String incidentText(String report, String id) {
        int at = report.indexOf("  " + id + "  ");
        assertTrue(at >= 0, report);
        int end = report.indexOf("\n\n", at);
        return report.substring(at, end < 0 ? report.length() : end);
    }

    private static JsonNode finding(JsonNode doc, String id) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id);
    }

    private static List<String> userModules(JsonNode stack) {
        List<String> modules = new ArrayList<>();
        for (JsonNode f : stack.get("frames")) {
            if (!f.get("kernel").asBoolean()) {
                String text = f.get("text").asText();
                modules.add(text.substring(0, text.indexOf("+0x")).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return modules;
    }

    private static List<String> remedies(JsonNode doc) {
        List<String> ids = new ArrayList<>();
        for (JsonNode i : doc.get("incidents")) {
            JsonNode remedy = i.path("diagnosis").path("remedy");
            if (!remedy.isMissingNode() && !remedy.isNull()) {
                ids.add(remedy.get("id").asText());
            }
        }
        return ids;
    }

    @Test
    void pmlTextNamesCpython27ItsFramesOnTwoThreadsAndTheRemedy() {
        String i1 = incidentText(analyze(PML.toString()).out(), "i1");
        assertTrue(i1.contains("python.exe (4312) leaked C:\\build\\gen\\parser_tab.cpp into cmd.exe (5120)"), i1);
        assertTrue(i1.contains("Runtime: python.exe (4312) runs CPython 2.7, by module C:\\Python27\\python27.dll"), i1);
        assertTrue(i1.contains("Opened on thread 5652 at ntdll.dll+0x9d4e4 <- KernelBase.dll+0x23cd6 (x2)"
                + " <- MSVCR90.dll+0x6c2f4 (x4) <- python27.dll+0x4a3b1"), i1);
        assertTrue(i1.contains("Spawned on thread 5620 at ntdll.dll+0x9d8e4 <- KernelBase.dll+0x5f36a (x2)"
                + " <- kernel32.dll+0x1be93 <- python27.dll+0x2d8c6"), i1);
        assertTrue(i1.contains("Remedy: CPython 2.x and 3.0-3.3, cross-thread race: "), i1);
        assertTrue(i1.contains(REMEDY_FIX), i1);
        assertTrue(i1.contains("Sources: PEP 446; bpo-19575"), i1);
    }

    @Test
    void pmlJsonHasTheEvidenceEveryFrameBothThreadsAndTheRemedySources() throws IOException {
        JsonNode doc = json(PML);
        JsonNode incident = doc.get("incidents").get(0);
        JsonNode diagnosis = incident.get("diagnosis");
        assertEquals("cross-thread-race", diagnosis.get("shape").asText());
        JsonNode runtime = diagnosis.get("subject").get("runtime");
        assertEquals(List.of("cpython", "2.7", "module", "C:\\Python27\\python27.dll", "strong"),
                List.of(runtime.get("id").asText(), runtime.get("version").asText(), runtime.get("evidence").asText(),
                        runtime.get("evidenceText").asText(), runtime.get("strength").asText()));
        JsonNode remedy = diagnosis.get("remedy");
        assertEquals("cpython-2", remedy.get("id").asText());
        assertFalse(remedy.get("conditional").asBoolean());
        assertTrue(remedy.get("text").asText().contains(REMEDY_FIX), remedy.toString());
        assertEquals("PEP 446", remedy.get("sources").get(0).asText());

        JsonNode leak = finding(doc, incident.get("lead").asText());
        JsonNode open = leak.get("openStack");
        JsonNode spawn = leak.get("chain").get(0).get("stack");
        assertEquals(5652, open.get("tid").asInt());
        assertEquals(5620, spawn.get("tid").asInt());
        assertNotEquals(open.get("tid").asInt(), spawn.get("tid").asInt());
        assertEquals(open.get("depth").asInt(), open.get("frames").size(), "JSON has every frame");
        assertEquals(open.get("depth").asInt(), open.get("resolved").asInt(), "kernel frames resolved against System's");
        List<String> opened = userModules(open);
        assertTrue(opened.indexOf("msvcr90.dll") >= 0 && opened.indexOf("msvcr90.dll") < opened.indexOf("python27.dll"),
                opened.toString());
        List<String> spawned = userModules(spawn);
        int python = spawned.indexOf("python27.dll");
        assertTrue(spawned.subList(0, python).containsAll(List.of("kernelbase.dll", "kernel32.dll")), spawned.toString());
        assertTrue(open.get("frames").get(0).get("kernel").asBoolean());
        assertTrue(open.get("frames").get(0).get("text").asText().startsWith("FLTMGR.SYS+0x"), open.toString());
    }

    @Test
    void pmlHtmlHasBothStacksExpandableWithThreadsAndTheRemedy() throws IOException {
        Path page = dir.resolve("flaky.html");
        analyze("--html", page.toString(), PML.toString());
        String html = Files.readString(page);
        assertTrue(html.contains("<details class=\"stack\"><summary>Stack of the open (thread 5652): 27 frames,"
                + " 27 resolved</summary><ol><li class=\"kernel\">FLTMGR.SYS+0x7852"), html);
        assertTrue(html.contains("<details class=\"stack\"><summary>Stack of the spawn (thread 5620): "), html);
        assertTrue(html.contains("<li>MSVCR90.dll+0x5bbf0</li><li>python27.dll+0x4a3b1</li>"), html);
        assertTrue(html.contains("python.exe (4312): CPython 2.7, by module C:\\Python27\\python27.dll"), html);
        assertTrue(html.contains(REMEDY_FIX + " Sources: PEP 446;"), html);
    }

    /**
     * The 7-column CSV has no process table, versions or TIDs, but the capture starts before the
     * build, so python.exe's Load Image rows are in it: the runtime is named by its module, on
     * strong evidence, and the remedy is given without condition.
     */
    @Test
    void theSevenColumnCsvNamesCpython27ByTheModuleItsLoadImageRowsShow() throws IOException {
        String i1 = incidentText(analyze(CSV.toString()).out(), "i1");
        assertTrue(i1.contains("Runtime: python.exe (4312) runs CPython 2.7, by module C:\\Python27\\python27.dll"), i1);
        assertFalse(i1.contains("Opened on thread"), i1);
        JsonNode diagnosis = json(CSV).get("incidents").get(0).get("diagnosis");
        assertEquals("strong", diagnosis.get("subject").get("runtime").get("strength").asText());
        assertFalse(diagnosis.get("remedy").get("conditional").asBoolean());
        assertEquals("spawn-leak", diagnosis.get("shape").asText(), "no TIDs: the threads cannot be told apart");
    }

    @Test
    void withoutLoadImageRowsTheCsvNamesCpython27ByImagePathOnWeakerEvidence() throws IOException {
        // a capture filtered to file and process events: only the shell's Process Create names python.exe
        Path filtered = dir.resolve("flaky-build-no-images.csv");
        List<String> rows = Files.readAllLines(CSV);
        rows.removeIf(row -> row.contains("\",\"Load Image\",\""));
        Files.write(filtered, rows);
        String i1 = incidentText(analyze(filtered.toString()).out(), "i1");
        assertTrue(i1.contains("Runtime: python.exe (4312) runs CPython 2.7, by image path C:\\Python27\\python.exe"
                + " (weaker evidence: no module or version resource of it in the log)"), i1);
        assertTrue(i1.contains("Sources: PEP 446"), i1);
        JsonNode diagnosis = json(filtered).get("incidents").get(0).get("diagnosis");
        assertEquals("weaker", diagnosis.get("subject").get("runtime").get("strength").asText());
        assertEquals("2.7", diagnosis.get("subject").get("runtime").get("version").asText());
        assertFalse(diagnosis.get("remedy").get("conditional").asBoolean());
    }

    @Test
    void python38WithTheSameTimingGetsNoLeakAndNoCpython2Advice() throws IOException {
        Path log = dir.resolve("py38.pml");
        GenerateCapture.writePml(Scenario.PYTHON38.config(), log);
        JsonNode doc = json(log);
        assertTrue(doc.at("/input/runtimes").toString().contains("\"version\":\"3.8\""), doc.at("/input/runtimes").toString());
        for (JsonNode f : doc.get("findings")) {
            assertFalse(f.get("kind").asText().equals("inherited-handle") && f.get("verdict").asText().equals("leaked")
                    && f.get("opener").get("name").asText().equals("python.exe"), f.toString());
        }
        assertFalse(remedies(doc).stream().anyMatch(id -> id.startsWith("cpython")), remedies(doc).toString());
        assertFalse(analyze(log.toString()).out().contains("PEP 446"));
    }

    @Test
    void anMspdbsrvLeakGetsTheMsvcAdvice() throws IOException {
        Path log = dir.resolve("mspdbsrv.pml");
        GenerateCapture.writePml(Scenario.MSPDBSRV.config(), log);
        assertTrue(remedies(json(log)).contains("msvc-mspdbsrv"), remedies(json(log)).toString());
        String text = analyze(log.toString()).out();
        assertTrue(text.contains("mspdbsrv -start -shutdowntime N outside the build's redirection"), text);
    }

    @Test
    void aScannerHeldFileGetsTheScannerAdvice() throws IOException {
        Path log = dir.resolve("scanner.pml");
        GenerateCapture.writePml(Scenario.SCANNER.config(), log);
        assertTrue(remedies(json(log)).contains("scanner"), remedies(json(log)).toString());
        String text = analyze("--all", log.toString()).out();
        assertTrue(text.contains("exclude the build tree from real-time scanning and indexing"), text);
    }
}
