package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCaptureTest {

    @TempDir
    Path dir;

    @Test
    void writesTheCaptureAndItsTruthBesideIt() throws IOException {
        Path out = dir.resolve("sub/story.csv");
        assertEquals(0, GenerateCapture.run(new String[] {"--story", "--seed", "1", "--jobs", "8", "--parallel", "3",
            "--leaks", "1", "--handed-over", "1", "--races", "0", "--near-misses", "0", "--scan-violations", "0",
            "--output", out.toString()}));
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("sub/story.truth.json").toFile());
        assertEquals("story.csv", truth.get("capture").asText());
        assertEquals(CsvRoundTripTest.read(out).size(), truth.get("events").asLong());
        JsonNode leak = truth.get("leaks").get(0);
        assertEquals("C:\\build\\gen\\parser_tab.cpp", leak.get("path").asText());
        assertEquals(4312, leak.get("opener").get("pid").asInt());
        assertEquals(5120, leak.get("closer").get("pid").asInt());
        assertEquals("leaked", leak.get("verdict").asText());
        assertTrue(leak.get("openedAt").asText().matches("14:03:07\\.\\d{7}"), leak.get("openedAt").asText());
        assertEquals(18.9, truth.get("races").get(0).get("gapMs").asDouble(), 1e-9);
        assertEquals(0, truth.get("openAtEnd").size());
        try (var files = Files.list(dir.resolve("sub"))) {
            assertEquals(2, files.count(), "no temporary files left");
        }
    }

    @Test
    void behaviourOptionsReachTheConfigurationAndTheTruth() throws IOException {
        Path out = dir.resolve("real.csv");
        assertEquals(0, GenerateCapture.run(new String[] {"--seed", "5", "--jobs", "30", "--current-directory",
            "--redirect-all", "--cmd-closes-last", "1", "--pdb-servers", "1", "--scanners", "2", "--running-images", "1",
            "--jitter", "1", "--refutations", "1", "--same-thread", "1", "--siblings", "1", "--exited-openers", "2",
            "--no-close-events", "--filter-process-create", "--output", out.toString()}));
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("real.truth.json").toFile());
        JsonNode behaviours = truth.at("/config/behaviours");
        assertEquals("{\"currentDirectory\":true,\"redirectAll\":true,\"cmdClosesLast\":1,\"pdbServers\":1,\"scanners\":2,"
                + "\"runningImages\":1,\"jitter\":1,\"refutations\":1,\"sameThread\":1,\"siblings\":1,\"exitedOpeners\":2}",
                behaviours.toString());
        assertEquals("[\"no-close-events\",\"filtered\",\"no-tids\"]", truth.get("health").toString());
        assertEquals(0, CsvRoundTripTest.read(out).stream().filter(e -> e.operationName().equals("CloseFile")).count());
        assertTrue(truth.get("races").findValuesAsText("grade").containsAll(
                List.of("refuted", "confirmed", "intended", "benign", "possible")), truth.get("races").toString());
    }

    @Test
    void aByteTargetIsReached() throws IOException {
        Path out = dir.resolve("big.xml.gz");
        GenerateCapture.run(new String[] {"--format", "xml", "--gzip", "--bytes", "3000000", "--jobs", "10",
            "--output", out.toString()});
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("big.truth.json").toFile());
        assertTrue(truth.get("events").asLong() > 5_000, "events: " + truth.get("events"));
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals("--jobs: not a non-negative number: many", assertThrows(IllegalArgumentException.class,
                () -> GenerateCapture.run(new String[] {"--jobs", "many", "--output", "x.csv"})).getMessage());
        assertEquals("--output is required", assertThrows(IllegalArgumentException.class,
                () -> GenerateCapture.run(new String[] {"--seed", "3"})).getMessage());
        assertEquals("--format must be csv, xml or pml: evtx", assertThrows(IllegalArgumentException.class,
                () -> GenerateCapture.run(new String[] {"--format", "evtx", "--output", "x"})).getMessage());
        assertEquals("--format pml takes neither --gzip nor --bytes", assertThrows(IllegalArgumentException.class,
                () -> GenerateCapture.run(new String[] {"--format", "pml", "--gzip", "--output", "x"})).getMessage());
        assertEquals("--format xml with --stacks takes --events, not --bytes", assertThrows(IllegalArgumentException.class,
                () -> GenerateCapture.run(new String[] {"--format", "xml", "--stacks", "--bytes", "9", "--output", "x"}))
                .getMessage());
        assertEquals("--runtime must be py27 or py38: py39", assertThrows(IllegalArgumentException.class,
                () -> GenerateCapture.run(new String[] {"--runtime", "py39", "--output", "x"})).getMessage());
        assertEquals("--scenario must be flaky-build, python38, mspdbsrv or scanner: other",
                assertThrows(IllegalArgumentException.class,
                        () -> GenerateCapture.run(new String[] {"--scenario", "other", "--output", "x"})).getMessage());
    }
}
