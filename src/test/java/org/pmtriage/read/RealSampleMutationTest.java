package org.pmtriage.read;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The CI part of fuzzing from real logs: the head of every log in {@code ../shared/samples-public}
 * (read there, never copied), and a fixed set of random mutations of it (bytes flipped, cut,
 * special bytes inserted, ranges deleted, doubled or zeroed), each through the whole pass under
 * both policies ({@link FuzzTarget}). Deterministic: the same mutations on every run. The
 * coverage-guided fuzzers ({@code *FuzzTest}) go further when run long (docs/robustness.md).
 */
class RealSampleMutationTest {

    static final Path SAMPLES = Path.of("../shared/samples-public");
    private static final int HEAD = 16 * 1024;
    private static final int MUTATIONS = 40;
    private static final byte[][] TOKENS = {
        {'"'}, {','}, {'\r'}, {'\n'}, {0}, {'"', '"', '"'}, {'<'}, {'&'}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xFF}, "]]>".getBytes(StandardCharsets.US_ASCII), "<!ENTITY".getBytes(StandardCharsets.US_ASCII),
    };

    @TestFactory
    Stream<DynamicTest> mutatedHeadsOfRealLogs() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "../shared/samples-public is absent");
        List<Path> logs;
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            logs = files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList();
        }
        assertTrue(logs.size() > 5, "real logs found: " + logs);
        return logs.stream().map(log -> DynamicTest.dynamicTest(SAMPLES.relativize(log).toString(), () -> {
            byte[] head = head(log);
            String name = log.getFileName().toString();
            FuzzTarget.readAnalyzeReport(head, name);
            Random random = new Random(name.hashCode());
            for (int i = 0; i < MUTATIONS; i++) {
                FuzzTarget.readAnalyzeReport(mutate(head, random), name);
            }
        }));
    }

    private static byte[] head(Path log) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return in.readNBytes(HEAD);
        }
    }

    static byte[] mutate(byte[] data, Random random) {
        byte[] b = data.clone();
        if (b.length == 0) {
            return TOKENS[random.nextInt(TOKENS.length)];
        }
        int at = random.nextInt(b.length);
        int span = 1 + random.nextInt(Math.min(256, b.length - at));
        switch (random.nextInt(6)) {
            case 0 -> {
                for (int n = 1 + random.nextInt(8); n > 0; n--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> b = Arrays.copyOf(b, at);
            case 2 -> {
                byte[] token = TOKENS[random.nextInt(TOKENS.length)];
                byte[] out = new byte[b.length + token.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(token, 0, out, at, token.length);
                System.arraycopy(b, at, out, at + token.length, b.length - at);
                b = out;
            }
            case 3 -> {
                byte[] out = new byte[b.length - span];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + span, out, at, b.length - at - span);
                b = out;
            }
            case 4 -> {
                byte[] out = new byte[b.length + span];
                System.arraycopy(b, 0, out, 0, at + span);
                System.arraycopy(b, at, out, at + span, b.length - at);
                b = out;
            }
            default -> Arrays.fill(b, at, at + span, (byte) 0);
        }
        return b;
    }
}
