package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pmtriage.event.Event;

/** Each committed CSV sample, read back by the product's reader, shows exactly what its truth says. */
class SamplesTest {

    private static List<String> strings(JsonNode array, java.util.function.Function<JsonNode, String> f) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(f.apply(n)));
        out.sort(null);
        return out;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {"flaky-build.csv", "parallel-build-es.csv", "redirect-ok.csv"})
    void sampleMatchesItsTruth(String name) throws IOException {
        Path file = Path.of("samples", name);
        JsonNode truth = new ObjectMapper().readTree(GenerateCapture.truthFile(file).toFile());
        List<Event> events = CsvRoundTripTest.read(file);
        SemanticsOracle oracle = new SemanticsOracle();
        events.forEach(oracle::accept);
        oracle.finish();
        assertEquals(List.of(), oracle.problems);
        assertEquals(truth.get("events").asLong(), events.size());
        Map<String, Long> counts = new HashMap<>();
        events.forEach(e -> counts.merge(e.operationName(), 1L, Long::sum));
        Map<String, Long> expected = new HashMap<>();
        truth.get("operations").fields().forEachRemaining(f -> expected.put(f.getKey(), f.getValue().asLong()));
        assertEquals(expected, counts);
        assertEquals(strings(truth.get("leaks"), l -> l.get("path").asText() + "|" + l.get("opener").get("pid").asInt()
                + "|" + l.get("openedAtTicks").asLong() + "|" + l.get("spawnChild").get("pid").asInt() + "|"
                + l.get("spawnedAtTicks").asLong() + "|" + l.get("closer").get("pid").asInt() + "|"
                + l.get("closedAtTicks").asLong() + "|" + l.get("verdict").asText()), sorted(oracle.leaks));
        assertEquals(strings(truth.get("races"), r -> r.get("path").asText() + "|" + r.get("opener").get("pid").asInt()
                + "|" + r.get("child").get("pid").asInt() + "|" + r.get("openedAtTicks").asLong() + "|"
                + r.get("spawnedAtTicks").asLong() + "|" + r.get("confirmed").asBoolean()), sorted(oracle.races));
        assertEquals(strings(truth.get("sharingViolations"), s -> {
            StringBuilder holders = new StringBuilder();
            s.get("holders").forEach(h -> holders.append(h.get("pid").asInt()).append(','));
            return s.get("path").asText() + "|" + s.get("victim").get("pid").asInt() + "|" + s.get("atTicks").asLong()
                    + "|" + holders;
        }), sorted(oracle.sharingViolations));
        assertEquals(strings(truth.get("openAtEnd"), o -> o.get("path").asText() + "|" + o.get("opener").get("pid").asInt()
                + "|" + o.get("openedAtTicks").asLong()), sorted(oracle.openAtEnd));
    }

    @ParameterizedTest
    @ValueSource(strings = {"flaky-build.csv", "parallel-build-es.csv", "redirect-ok.csv", "parallel-build.xml",
        "flaky-build.pml"})
    void sampleHasItsTruthAndIsSmall(String name) throws IOException {
        Path file = Path.of("samples", name);
        assertTrue(Files.size(file) < 2_000_000, name + " is " + Files.size(file) + " bytes");
        assertTrue(Files.exists(GenerateCapture.truthFile(file)));
    }

    /** @return the argument lists of the generator calls in samples/regenerate.sh */
    static List<List<String>> regenerateCalls() throws IOException {
        String script = Files.readString(Path.of("samples", "regenerate.sh")).replace("\\\n", " ");
        List<List<String>> calls = new ArrayList<>();
        for (String line : script.split("\n")) {
            if (!line.startsWith("$G ")) {
                continue;
            }
            List<String> args = new ArrayList<>();
            StringBuilder word = null;
            boolean quoted = false;
            for (char c : line.substring(3).toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    word = word == null ? new StringBuilder() : word;
                } else if (c == ' ' && !quoted) {
                    if (word != null) {
                        args.add(word.toString());
                        word = null;
                    }
                } else {
                    word = (word == null ? new StringBuilder() : word).append(c);
                }
            }
            if (word != null) {
                args.add(word.toString());
            }
            calls.add(args);
        }
        return calls;
    }

    @Test
    void committedSamplesAreWhatRegenerateMakes(@TempDir Path dir) throws IOException {
        List<List<String>> calls = regenerateCalls();
        assertEquals(5, calls.size());
        for (List<String> call : calls) {
            List<String> args = new ArrayList<>(call);
            int output = args.indexOf("--output") + 1;
            String name = args.get(output);
            args.set(output, dir.resolve(name).toString());
            GenerateCapture.run(args.toArray(String[]::new));
            assertArrayEquals(Files.readAllBytes(Path.of("samples", name)), Files.readAllBytes(dir.resolve(name)),
                    name + " is stale: run samples/regenerate.sh");
            Path truth = GenerateCapture.truthFile(Path.of(name));
            assertArrayEquals(Files.readAllBytes(Path.of("samples").resolve(truth)), Files.readAllBytes(dir.resolve(truth)),
                    truth + " is stale: run samples/regenerate.sh");
        }
    }
}
