package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.capture.StandInProcMon;

/**
 * Ctrl+C as POSIX delivers it: a real {@code pmtriage capture} process gets SIGINT while the build
 * runs, stops the build and the stand-in ProcMon, keeps the log marked interrupted and prints the
 * listing before it ends. (A Windows console's Ctrl+C reaches the JVM through the same shutdown
 * hook, but also reaches the build directly; that is not tested here.)
 */
@DisabledOnOs(OS.WINDOWS)
class CaptureInterruptTest {

    @TempDir
    Path tmp;

    @Test
    void sigintDuringTheBuildKeepsTheLogMarkedInterrupted() throws Exception {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        Path started = tmp.resolve("started");
        Path dir = tmp.resolve("captures");
        Path stdout = tmp.resolve("stdout.txt");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.pmtriage.cli.Main", "capture",
                "--procmon", standIn.executable().toString(), "--dir", dir.toString(), "--runs", "5", "--keep", "none",
                "--", "sh", "-c", "touch '" + started + "'; exec sleep 600");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 60_000 && !Files.exists(started) && p.isAlive(); i++) {
                Thread.sleep(5); // waits for the build to have started, not for a time
            }
            assertTrue(Files.exists(started), "the build started");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the capture ended");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(130, p.exitValue(), "ended by SIGINT");
        List<String> logs;
        try (Stream<Path> files = Files.list(dir)) {
            logs = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".PML")).toList();
        }
        assertEquals(1, logs.size(), logs.toString());
        assertTrue(logs.get(0).endsWith("-run1-interrupted.PML"), logs.get(0));
        assertEquals(List.of("/Terminate"), standIn.calls().get(2));
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertTrue(out.startsWith("run 1/5: interrupted; kept " + dir.resolve(logs.get(0))), out);
        assertTrue(out.endsWith("Runs: 1 (interrupted), failed: 0\nKept logs:\n  run 1  " + dir.resolve(logs.get(0))
                + "  interrupted, not analyzed\n"), out);
    }
}
