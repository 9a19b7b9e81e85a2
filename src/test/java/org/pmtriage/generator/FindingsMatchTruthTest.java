package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.cli.Main;
import org.pmtriage.event.Event;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;
import org.pmtriage.read.pml.PmlWriter;

/**
 * The whole tool against the generator's truth: every injected leak and race found with its
 * processes and times, every sharing violation explained by its holder, and nothing else reported
 * (no false leak), on the bundled samples and on large randomized captures in several locales,
 * column sets, with PID reuse and midnight.
 */
class FindingsMatchTruthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"flaky-build.csv", "parallel-build-es.csv", "redirect-ok.csv", "parallel-build.xml"})
    void bundledSample(String name) throws IOException {
        Path capture = Path.of("samples", name);
        assertMatchesTruth(capture, truthOf(capture));
    }

    static Stream<String> randomized() {
        return Stream.of(
                "--seed 101 --jobs 120 --parallel 6 --leaks 6 --handed-over 4 --races 5 --near-misses 8 --events 40000",
                "--seed 102 --jobs 120 --parallel 8 --leaks 5 --handed-over 3 --races 4 --near-misses 6 --pid-reuse"
                        + " --start 23:59:58 --locale es-ES --columns all27 --events 40000",
                "--seed 103 --jobs 80 --parallel 4 --leaks 4 --handed-over 2 --races 3 --near-misses 4 --locale ru-RU"
                        + " --columns all27-alt --lf --gzip --events 30000",
                "--seed 104 --jobs 80 --parallel 5 --leaks 3 --handed-over 3 --races 2 --near-misses 4 --pid-reuse"
                        + " --locale ja-JP --columns Time of Day;PID;Process Name;Operation;Result;Path;Detail;TID --events 30000",
                "--seed 105 --jobs 60 --parallel 3 --leaks 4 --handed-over 2 --races 2 --near-misses 3 --noise 0.8"
                        + " --locale it-IT --events 30000",
                "--seed 107 --jobs 80 --parallel 6 --leaks 4 --handed-over 2 --races 3 --near-misses 4 --pid-reuse"
                        + " --advanced-output --old-process-start --exotic-noise --scan-violations 3 --events 30000",
                "--seed 106 --jobs 60 --parallel 4 --leaks 3 --handed-over 2 --races 2 --near-misses 3 --pid-reuse"
                        + " --format xml --start 23:59:59 --locale ru-RU --events 20000");
    }

    @ParameterizedTest
    @MethodSource("randomized")
    void randomizedCapture(String options) throws IOException {
        boolean xml = options.contains("--format xml");
        boolean gzip = options.contains("--gzip");
        Path capture = dir.resolve("capture" + (xml ? ".xml" : ".csv") + (gzip ? ".gz" : ""));
        List<String> args = GenerateCapture.arguments(options);
        args.add("--output");
        args.add(capture.toString());
        assertEquals(0, GenerateCapture.run(args.toArray(String[]::new)), "generator failed for " + options);
        assertMatchesTruth(capture, truthOf(capture));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flaky-build.csv", "parallel-build-es.csv"})
    void sampleWrittenAsPml(String name) throws IOException {
        Path csv = Path.of("samples", name);
        List<Event> events = new ArrayList<>();
        List<ProcessInfo> processes;
        try (EventReader reader = LogReaders.open(csv.toString(), ReadOptions.defaults())) {
            reader.forEachRemaining(events::add);
            processes = reader.processes();
        }
        Path pml = dir.resolve(name.replace(".csv", ".pml"));
        PmlWriter.write(pml, processes, events, 20_000);
        assertMatchesTruth(pml, truthOf(csv));
    }

    /** @return the truth the generator wrote beside a capture */
    static JsonNode truthOf(Path capture) throws IOException {
        return JSON.readTree(GenerateCapture.truthFile(capture).toFile());
    }

    /** @return the JSON report of {@code pmtriage analyze --format json --fail-on none capture} (exit 0 asserted) */
    static JsonNode report(Path capture) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"analyze", "--format", "json", "--findings", "all", "--fail-on", "none", capture.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return JSON.readTree(out.toString());
    }

    private static void assertMatchesTruth(Path capture, JsonNode truth) throws IOException {
        JsonNode report = report(capture);
        assertEquals(truth.get("events").asLong(), report.at("/input/events").asLong(), "events");
        assertEquals(0, report.at("/input/skippedRecords").asLong(), "skipped records");
        List<JsonNode> findings = new ArrayList<>();
        report.get("findings").forEach(findings::add);

        List<JsonNode> inherited = ofKind(findings, "inherited-handle");
        assertEquals(truth.get("leaks").size(), inherited.size(), "inherited handles: " + describe(inherited));
        for (JsonNode leak : truth.get("leaks")) {
            JsonNode f = find(inherited, leak.get("path"), "leak", leak);
            assertEquals(leak.at("/opener/pid").asInt(), f.at("/opener/pid").asInt());
            assertEquals(leak.at("/opener/name").asText(), f.at("/opener/name").asText());
            assertEquals(leak.at("/closer/pid").asInt(), f.at("/closer/pid").asInt());
            assertEquals(leak.get("openedAt").asText(), f.get("openedAt").asText());
            assertEquals(leak.get("closedAt").asText(), f.get("closedAt").asText());
            assertEquals(leak.get("verdict").asText(), f.get("verdict").asText(), "verdict of " + leak.get("path"));
            assertEquals(leak.at("/spawnChild/pid").asInt(), f.at("/chain/0/child/pid").asInt());
            assertEquals(leak.get("spawnedAt").asText(), f.at("/chain/0/at").asText());
        }

        List<JsonNode> races = ofKind(findings, "spawn-race");
        List<JsonNode> listedRaces = new ArrayList<>();
        truth.get("races").forEach(race -> {
            if (!race.get("grade").asText().equals("refuted")) {
                listedRaces.add(race);
            }
        });
        assertEquals(listedRaces.size(), races.size(), "spawn races: " + describe(races));
        for (JsonNode race : listedRaces) {
            JsonNode f = find(races, race.get("path"), "race", race);
            assertEquals(race.at("/opener/pid").asInt(), f.at("/opener/pid").asInt());
            assertEquals(race.at("/child/pid").asInt(), f.at("/child/pid").asInt());
            assertEquals(race.get("spawnedAt").asText(), f.get("spawnedAt").asText());
            assertEquals(race.get("grade").asText(), f.get("grade").asText(), "grade " + race.get("path"));
        }

        List<JsonNode> violations = ofKind(findings, "sharing-violation");
        assertEquals(truth.get("sharingViolations").size(), violations.size(), "sharing violations");
        for (JsonNode v : truth.get("sharingViolations")) {
            JsonNode f = find(violations, v.get("path"), "violation", v);
            assertEquals(v.at("/victim/pid").asInt(), f.at("/victim/pid").asInt());
            assertEquals(v.get("at").asText(), f.get("at").asText());
            assertTrue(f.get("explained").asBoolean(), "explained: " + v.get("path"));
            List<Integer> holders = new ArrayList<>();
            f.get("holders").forEach(h -> holders.add(h.at("/opener/pid").asInt()));
            v.get("holders").forEach(h -> assertTrue(holders.contains(h.get("pid").asInt()),
                    "holder " + h + " of " + v.get("path") + " among " + holders));
        }
        assertEquals(truth.get("openAtEnd").size(), ofKind(findings, "open-at-end").size(), "open at end");
    }

    private static List<JsonNode> ofKind(List<JsonNode> findings, String kind) {
        return findings.stream().filter(f -> f.get("kind").asText().equals(kind)).toList();
    }

    private static JsonNode find(List<JsonNode> findings, JsonNode path, String what, JsonNode truth) {
        return findings.stream()
                .filter(f -> f.get("path").asText().toLowerCase(Locale.ROOT).equals(path.asText().toLowerCase(Locale.ROOT)))
                .filter(f -> !truth.has("openedAt") || !f.has("openedAt")
                        || f.get("openedAt").asText().equals(truth.get("openedAt").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding for injected " + what + " " + truth));
    }

    private static String describe(List<JsonNode> findings) {
        return findings.stream().map(f -> f.get("path").asText() + "@" + f.get("openedAt").asText()).toList().toString();
    }
}
