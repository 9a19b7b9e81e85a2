package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.pmtriage.report.JsonReport;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: the analysis's verdicts are exactly those the generator's truth states, capture by
 * capture, one scenario per behaviour of real builds: the grade, severity and {@code confirmed} of
 * every listed spawn race (refuted ones only counted), the verdict and severity of every inherited
 * handle, whether each sharing violation is explained, its cause and its live conflicting holders,
 * and the capture's health flags; in a capture that cannot support a kind of verdict, none of
 * that kind is asserted.
 */
class VerdictsMatchTruthTest {

    private static final String QUIET = " --handed-over 0 --leaks 0 --races 0 --near-misses 0 --scan-violations 0";

    @TempDir
    Path dir;

    static Stream<String> scenarios() {
        return Stream.of(
                "--seed 201 --jobs 30 --parallel 4 --current-directory --pdb-servers 1 --columns all27" + QUIET,
                "--seed 202 --jobs 20 --parallel 3 --cmd-closes-last 2" + QUIET + " --handed-over 2 --columns all27",
                "--seed 203 --jobs 24 --parallel 4 --pdb-servers 2" + QUIET,
                "--seed 204 --jobs 24 --parallel 4 --scanners 4" + QUIET,
                "--seed 205 --jobs 24 --parallel 4 --running-images 2 --columns all27" + QUIET,
                "--seed 206 --jobs 24 --parallel 4 --jitter 3 --columns all27" + QUIET,
                "--seed 207 --jobs 24 --parallel 4 --jitter 3" + QUIET,
                "--seed 208 --jobs 24 --parallel 4 --refutations 3 --columns all27" + QUIET,
                "--seed 209 --jobs 24 --parallel 4 --same-thread 2 --siblings 2 --columns all27" + QUIET,
                "--seed 210 --jobs 24 --parallel 4 --same-thread 2 --siblings 2" + QUIET,
                "--seed 211 --jobs 24 --parallel 4 --exited-openers 4 --columns all27" + QUIET,
                "--seed 212 --jobs 30 --parallel 4 --leaks 3 --handed-over 2 --races 2 --near-misses 2 --deep-leaks 1"
                        + " --pid-reuse --current-directory --columns all27",
                "--seed 213 --jobs 30 --parallel 4 --leaks 2 --handed-over 1 --races 1 --scan-violations 1"
                        + " --filter-process-create --columns all27",
                "--seed 214 --jobs 30 --parallel 4 --leaks 2 --handed-over 1 --races 1 --scan-violations 1 --no-close-events",
                "--seed 215 --jobs 30 --parallel 4 --leaks 2 --handed-over 1 --races 1 --no-process-events",
                "--seed 216 --jobs 30 --parallel 4 --format xml --current-directory --pdb-servers 1 --jitter 2 --siblings 1"
                        + " --columns Time of Day;Process Name;PID;Operation;Path;Result;Detail;TID;Parent PID" + QUIET,
                "--scenario python38 --format pml",
                "--scenario mspdbsrv --format pml",
                "--scenario scanner --format pml");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void scenario(String options) throws IOException {
        Path capture = generate(options);
        assertVerdicts(capture, FindingsMatchTruthTest.truthOf(capture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flaky-build.csv", "parallel-build-es.csv", "redirect-ok.csv", "parallel-build.xml",
        "flaky-build.pml"})
    void bundledSample(String name) throws IOException {
        Path capture = Path.of("samples", name);
        assertVerdicts(capture, FindingsMatchTruthTest.truthOf(capture));
    }

    /** Issue 11's acceptance test in small: redirected jobs with PID reuse, its leaks errors, few warnings. */
    @ParameterizedTest
    @ValueSource(ints = {400})
    void buildShapedCapture(int jobs) throws IOException {
        Path capture = generate("--seed 217 --jobs " + jobs + " --parallel 8 --pid-reuse --current-directory --redirect-all"
                + " --columns all27 --pdb-servers 2" + QUIET + " --leaks 3");
        JsonNode report = assertVerdicts(capture, FindingsMatchTruthTest.truthOf(capture));
        long warnings = count(report, f -> f.get("severity").asText().equals("warning"));
        assertTrue(warnings <= 50, "warnings: " + warnings);
        assertEquals(3 + 2, count(report, f -> f.get("kind").asText().equals("inherited-handle")
                && f.get("severity").asText().equals("error")), "the leaks as errors");
    }

    private Path generate(String options) throws IOException {
        String format = options.contains("--format xml") ? ".xml" : options.contains("--format pml") ? ".pml" : ".csv";
        Path capture = dir.resolve("capture" + format);
        List<String> args = GenerateCapture.arguments(options);
        args.addAll(List.of("--output", capture.toString()));
        assertEquals(0, GenerateCapture.run(args.toArray(String[]::new)), "generator failed for " + options);
        return capture;
    }

    private static long count(JsonNode report, Predicate<JsonNode> which) {
        List<JsonNode> findings = new ArrayList<>();
        report.get("findings").forEach(findings::add);
        return findings.stream().filter(which).count();
    }

    private static JsonNode assertVerdicts(Path capture, JsonNode truth) throws IOException {
        JsonNode report = FindingsMatchTruthTest.report(capture);
        assertEquals(JsonReport.SCHEMA_VERSION, report.get("schemaVersion").asInt(), "schemaVersion (graded verdicts since 2)");
        Set<String> health = strings(truth.get("health"));
        Set<String> reported = new TreeSet<>();
        report.at("/input/health").forEach(note -> reported.add(note.get("id").asText()));
        assertEquals(health, reported, "health flags");
        List<JsonNode> findings = new ArrayList<>();
        report.get("findings").forEach(findings::add);
        List<JsonNode> inherited = ofKind(findings, "inherited-handle");
        List<JsonNode> races = ofKind(findings, "spawn-race");
        List<JsonNode> violations = ofKind(findings, "sharing-violation");

        if (health.contains("no-close-events")) {
            assertEquals(List.of(), inherited, "no inherited handle without CloseFile events");
            races.forEach(r -> assertTrue(Set.of("likely", "possible", "benign", "intended").contains(r.get("grade").asText()),
                    "no race confirmed or refuted without CloseFile events: " + r));
            races.forEach(r -> assertEquals("info", r.get("severity").asText(),
                    "without CloseFile events nothing shows the file open at the spawn: " + r));
            ofKind(findings, "open-at-end").forEach(o -> assertEquals("info", o.get("severity").asText(),
                    "never closed is not asserted without CloseFile events"));
            return report;
        }
        if (health.contains("filtered") || health.contains("no-process-events")) {
            assertEquals(List.of(), races, "no race without Process Create events");
            if (health.contains("filtered")) {
                for (JsonNode leak : truth.get("leaks")) {
                    JsonNode f = find(inherited, leak, "leak", "closedAt");
                    assertEquals(leak.at("/opener/pid").asInt(), f.at("/opener/pid").asInt());
                    assertEquals(leak.at("/closer/pid").asInt(), f.at("/closer/pid").asInt(), "linked by Parent PID");
                }
            }
        } else {
            assertLeaks(truth, inherited);
            assertRaces(truth, races, report);
        }
        assertViolations(truth, violations);
        assertEquals(truth.get("openAtEnd").size(), ofKind(findings, "open-at-end").size(), "open at end");
        return report;
    }

    private static void assertLeaks(JsonNode truth, List<JsonNode> inherited) {
        assertEquals(truth.get("leaks").size(), inherited.size(), "inherited handles: " + describe(inherited));
        for (JsonNode leak : truth.get("leaks")) {
            JsonNode f = find(inherited, leak, "leak", "closedAt");
            String what = leak.get("path").asText() + "@" + leak.get("openedAt").asText();
            assertEquals(leak.at("/opener/pid").asInt(), f.at("/opener/pid").asInt(), what);
            assertEquals(leak.at("/closer/pid").asInt(), f.at("/closer/pid").asInt(), what);
            assertEquals(leak.at("/spawnChild/pid").asInt(), f.at("/chain/0/child/pid").asInt(), what);
            assertEquals(leak.get("verdict").asText(), f.get("verdict").asText(), "verdict of " + what);
            assertEquals(leak.get("severity").asText(), f.get("severity").asText(), "severity of " + what);
        }
    }

    private static void assertRaces(JsonNode truth, List<JsonNode> races, JsonNode report) {
        List<JsonNode> listed = new ArrayList<>();
        int refuted = 0;
        for (JsonNode race : truth.get("races")) {
            if (race.get("grade").asText().equals("refuted")) {
                refuted++;
            } else {
                listed.add(race);
            }
        }
        assertEquals(listed.size(), races.size(), "listed spawn races: " + describe(races));
        assertEquals(refuted, report.at("/summary/spawnRaceGrades/refuted").asInt(), "refuted races counted");
        for (JsonNode race : listed) {
            JsonNode f = races.stream().filter(same(race, "openedAt"))
                    .filter(r -> r.at("/child/pid").asInt() == race.at("/child/pid").asInt())
                    .findFirst().orElseThrow(() -> new AssertionError("no finding for injected race " + race));
            String what = race.get("path").asText() + "@" + race.get("openedAt").asText() + " -> " + race.at("/child/pid");
            assertEquals(race.get("spawnedAt").asText(), f.get("spawnedAt").asText(), what);
            assertEquals(race.get("grade").asText(), f.get("grade").asText(), "grade of " + what);
            assertEquals(race.get("severity").asText(), f.get("severity").asText(), "severity of " + what);
            assertEquals(race.get("grade").asText().equals("confirmed"), f.get("confirmed").asBoolean(),
                    "confirmed (schema 2: only the grade confirmed) " + what);
        }
    }

    private static void assertViolations(JsonNode truth, List<JsonNode> violations) {
        assertEquals(truth.get("sharingViolations").size(), violations.size(), "sharing violations");
        for (JsonNode v : truth.get("sharingViolations")) {
            JsonNode f = violations.stream().filter(same(v, "at")).findFirst()
                    .orElseThrow(() -> new AssertionError("no finding for injected violation " + v));
            String what = v.get("path").asText() + "@" + v.get("at").asText();
            assertEquals(v.at("/victim/pid").asInt(), f.at("/victim/pid").asInt(), what);
            assertEquals(v.get("explained").asBoolean(), f.get("explained").asBoolean(), "explained " + what);
            assertEquals(v.get("cause").asText(), f.get("cause").asText(), "cause of " + what);
            Set<String> expected = new TreeSet<>();
            v.get("holders").forEach(h -> expected.add(h.get("pid").asInt() + "@" + h.get("openedAt").asText()));
            Set<String> named = new TreeSet<>();
            f.get("holders").forEach(h -> {
                if (h.path("conflicts").asBoolean(true)) {
                    named.add(h.at("/opener/pid").asInt() + "@" + h.get("openedAt").asText());
                }
            });
            assertEquals(expected, named, "live conflicting holders of " + what);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> set = new TreeSet<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> set.add(n.asText()));
        }
        return set;
    }

    private static List<JsonNode> ofKind(List<JsonNode> findings, String kind) {
        return findings.stream().filter(f -> f.get("kind").asText().equals(kind)).toList();
    }

    private static Predicate<JsonNode> same(JsonNode truth, String timeField) {
        String path = truth.get("path").asText().toLowerCase(Locale.ROOT);
        String time = truth.get(timeField).asText();
        return f -> f.get("path").asText().toLowerCase(Locale.ROOT).equals(path) && f.has(timeField)
                && f.get(timeField).asText().equals(time);
    }

    private static JsonNode find(List<JsonNode> findings, JsonNode truth, String what, String timeField) {
        return findings.stream().filter(same(truth, timeField))
                .filter(f -> f.at("/closer/pid").asInt() == truth.at("/closer/pid").asInt())
                .findFirst().orElseThrow(() -> new AssertionError("no finding for injected " + what + " " + truth));
    }

    private static String describe(List<JsonNode> findings) {
        return findings.stream().map(f -> f.get("path").asText() + "@" + f.path("openedAt").asText()).toList().toString();
    }
}
