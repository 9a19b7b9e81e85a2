package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a JVM of its own, with a small heap ({@code -Xmx128m} unless told) and
 * its temporary folder under the test's, and keeps what it printed: for the cases whose outcome
 * depends on the heap, or that must leave no temporary file.
 */
record ChildCli(int code, String out, String err) {

    /** Minutes a run may take before the test fails as a hang. */
    private static final long TIMEOUT_MINUTES = 5;

    /**
     * @param heap    the {@code -Xmx} value, e.g. {@code 128m}
     * @param tmp     the child's {@code java.io.tmpdir}
     * @param stdin   standard input, or null for none
     * @param args    the command line
     */
    static ChildCli run(String heap, Path tmp, Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmp,
                "-cp", System.getProperty("java.class.path"), "org.pmtriage.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp.getParent(), "child", ".out");
        Path err = Files.createTempFile(tmp.getParent(), "child", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(stdin.toFile()));
        Process p = builder.start();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("pmtriage " + String.join(" ", args) + " did not end in " + TIMEOUT_MINUTES + " minutes");
        }
        ChildCli run = new ChildCli(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        assertFalse(run.err.contains("\tat ") || run.err.contains("Exception:") || run.err.contains("Exception\n")
                        || run.err.contains("Exception in thread"),
                "a stack trace or raw exception reached the user:\n" + run.err);
        return run;
    }

    /** @return what was printed on standard error, without the trailing line break */
    String error() {
        return err.stripTrailing();
    }

    /** Fails when {@code tmp} holds anything: the run left a temporary file. */
    static void assertEmpty(Path tmp) throws IOException {
        try (var left = Files.list(tmp)) {
            List<Path> files = left.toList();
            assertTrue(files.isEmpty(), "temporary files left: " + files);
        }
    }
}
