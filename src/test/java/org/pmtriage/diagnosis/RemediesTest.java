package org.pmtriage.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.incident.Incident;
import org.pmtriage.incident.IncidentDiagnosis;
import org.pmtriage.incident.Incidents;

/** Each entry of remedies.json is chosen by a finding of its shape whose deciding process runs its runtime. */
class RemediesTest {

    private static final List<String> IDS = List.of("cpython-2", "cpython-3.4", "dotnet", "node-libuv", "go",
            "java-redirect", "git-for-windows", "ninja", "msvc-mspdbsrv", "compiler-server", "msbuild-node-reuse",
            "scanner", "running-image", "handle-list");

    @Test
    void theFileHoldsTheseEntriesEachWithSources() {
        List<Remedy> entries = Remedies.bundled().entries();
        assertEquals(IDS, entries.stream().map(Remedy::id).toList());
        for (Remedy r : entries) {
            assertFalse(r.sources().isEmpty(), r.id());
            r.sources().forEach(s -> assertFalse(s.isBlank(), r.id()));
            assertFalse(r.text().isBlank(), r.id());
            assertTrue(r.text().contains("Fix:"), r.id() + " names its fix");
        }
    }

    @TestFactory
    Stream<DynamicTest> eachEntryIsChosenByAFindingOfItsShapeAndRuntime() {
        return Remedies.bundled().entries().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> {
            String version = r.versions().from().isEmpty() ? r.versions().to() : r.versions().from();
            FindingShape shape = r.shapes().get(0);
            AnalysisResult result = Scenarios.of(shape, Scenarios.of(r.runtimes().get(0), version));
            Incidents incidents = Incidents.of(result);
            Optional<IncidentDiagnosis> d = incidents.incidents().stream().map(incidents::diagnosisOf)
                    .flatMap(Optional::stream).findFirst();
            assertTrue(d.isPresent(), r.id() + ": no incident of shape " + shape.id() + " in " + result.findings());
            assertEquals(shape, d.get().shape());
            assertEquals(r.id(), d.get().remedy().map(c -> c.remedy().id()).orElse("none"));
        }));
    }

    @Test
    void everyRuntimeAndShapeOfAnEntryChoosesItOrAnEarlierOne() {
        List<Remedy> entries = Remedies.bundled().entries();
        for (int i = 0; i < entries.size(); i++) {
            Remedy r = entries.get(i);
            String version = r.versions().from().isEmpty() ? r.versions().to() : r.versions().from();
            for (String runtime : r.runtimes()) {
                RuntimeKind kind = runtime.equals(Remedy.ANY_RUNTIME) ? RuntimeKind.UNKNOWN : RuntimeKind.byId(runtime);
                for (FindingShape shape : r.shapes()) {
                    RemedyChoice c = Remedies.bundled().choose(new RuntimeId(kind, version, EvidenceKind.MODULE, "x"),
                            shape).orElseThrow();
                    assertTrue(entries.indexOf(c.remedy()) <= i, r.id() + " " + runtime + " " + shape.id());
                }
            }
        }
    }

    @Test
    void aVersionOutsideEveryRangeGetsNoRemedyAndAnUnknownVersionAConditionalOne() {
        RuntimeId python38 = new RuntimeId(RuntimeKind.CPYTHON, "3.8", EvidenceKind.MODULE, "python38.dll");
        assertTrue(Remedies.bundled().choose(python38, FindingShape.CROSS_THREAD_RACE).isEmpty());
        RuntimeId python = new RuntimeId(RuntimeKind.CPYTHON, "", EvidenceKind.IMAGE_NAME, "python.exe");
        RemedyChoice c = Remedies.bundled().choose(python, FindingShape.CROSS_THREAD_RACE).orElseThrow();
        assertEquals("cpython-2", c.remedy().id());
        assertTrue(c.conditional());
        assertTrue(c.text().contains("(if it is 2.0-3.3; the log does not give the version)"), c.text());
        RuntimeId python27 = new RuntimeId(RuntimeKind.CPYTHON, "2.7", EvidenceKind.MODULE, "python27.dll");
        assertFalse(Remedies.bundled().choose(python27, FindingShape.SPAWN_LEAK).orElseThrow().conditional());
        RuntimeId python35 = new RuntimeId(RuntimeKind.CPYTHON, "3.5", EvidenceKind.MODULE, "python35.dll");
        assertEquals("cpython-3.4", Remedies.bundled().choose(python35, FindingShape.CROSS_THREAD_RACE).orElseThrow()
                .remedy().id());
        assertTrue(Remedies.bundled().choose(python35, FindingShape.SPAWN_LEAK).isEmpty());
    }

    @Test
    void anIncidentWithoutAShapeHasNoDiagnosis() {
        AnalysisResult handedOver = new DiagnosisCapture()
                .open(1, "cmd.exe", 100, 1, Scenarios.LOG, DiagnosisCapture.WRITE_EXCLUSIVE, org.pmtriage.event.Stack.NONE)
                .spawn(1.2, "cmd.exe", 100, 1, "C:\\VS\\bin\\link.exe", "link.exe", 200, org.pmtriage.event.Stack.NONE)
                .write(2, "link.exe", 200, Scenarios.LOG)
                .close(3, "link.exe", 200, Scenarios.LOG)
                .finish();
        Incidents incidents = Incidents.of(handedOver);
        Incident only = incidents.incidents().get(0);
        assertTrue(incidents.diagnosisOf(only).isEmpty(), only.headline());
    }
}
