package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pmtriage.Signals;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmtriage.event.Event;
import org.pmtriage.read.pml.PmlWriter;

/**
 * Nothing lost: a real {@code pmtriage} process interrupted by SIGINT or SIGTERM, while it reads
 * or while it writes {@code --output}, leaves the earlier output file as it was and no temporary
 * file beside it. Each test waits for a state the process has provably reached, not for a time.
 */
class InterruptTest {

    private static final String EARLIER = "the earlier report\n";

    @TempDir
    Path dir;

    /** The log comes through a pipe that stays open, so the process is provably still reading when signalled. */
    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void signalWhileReadingStandardInput(String signal, int exitCode) throws Exception {
        if (signal.equals("INT")) {
            Signals.assumeSigintDelivered();
        }
        Path report = Files.writeString(dir.resolve("report.json"), EARLIER);
        Process p = start("org.pmtriage.cli.Main", "analyze", "--format", "json", "--output", report.toString(), "-");
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(Csv.of().toBytes());
            byte[] rows = (Csv.OPEN + "\r\n").repeat(20_000).getBytes(StandardCharsets.UTF_8);
            stdin.write(rows);
            stdin.flush();
            // Over 2 MB went through a 64 KiB pipe: the process is reading the log, and waits for more.
            signal(p, signal);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        } catch (IOException brokenPipe) {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        }
        assertEquals(exitCode, p.exitValue(), "killed by SIG" + signal);
        assertUntouched(report);
    }

    @Test
    void sigintWhileCopyingAPmlFromStandardInput() throws Exception {
        Signals.assumeSigintDelivered();
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux /proc to see the open copy");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Process p = start(List.of("-Djava.io.tmpdir=" + tmp), "org.pmtriage.cli.Main", "analyze", "-");
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(bigPmlHeader());
            stdin.write(new byte[2 << 20]);
            stdin.flush();
            // Over 2 MB went through a 64 KiB pipe: the process is copying the PML to a temporary file,
            // which it deleted as soon as it was open.
            try (Stream<Path> copies = Files.list(tmp)) {
                assertEquals(List.of(), copies.toList(), "the copy has no name in the folder");
            }
            assertTrue(openFiles(p).stream().anyMatch(f -> f.startsWith(tmp.toString()) && f.endsWith(".pml (deleted)")),
                    "the process writes the deleted copy: " + openFiles(p));
            signal(p, "INT");
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        }
        assertEquals(130, p.exitValue(), "killed by SIGINT");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.toList(), "nothing is left in the temporary folder");
        }
    }

    /** @return the header of a PML whose tables lie 1 GiB in: valid, so the rest is copied */
    private byte[] bigPmlHeader() throws IOException {
        Path file = dir.resolve("one.pml");
        PmlWriter.write(file, List.of(), List.of(Event.basic(1, 0, "cl.exe", 4100, "CloseFile", "C:\\a", "SUCCESS", "")),
                20_000);
        byte[] header = Arrays.copyOf(Files.readAllBytes(file), 0x3A8);
        Files.delete(file);
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        for (int field : new int[] {0x250, 0x258, 0x260, 0x3A0}) {
            b.putLong(field, 1L << 30);
        }
        return header;
    }

    private static List<String> openFiles(Process p) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(p.pid()), "fd"))) {
            return fds.map(InterruptTest::readLink).filter(java.util.Objects::nonNull).map(Path::toString).toList();
        }
    }

    @Test
    void sigtermWhileWritingTheOutput() throws Exception {
        Path report = Files.writeString(dir.resolve("report.txt"), EARLIER);
        Process p = start("org.pmtriage.cli.AtomicOutputHolder", report.toString());
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("writing", out.readLine());
        assertEquals(1, temporaryFiles().size(), "the content goes to a temporary file first");
        signal(p, "TERM");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ended");
        assertEquals(143, p.exitValue(), "killed by SIGTERM");
        assertUntouched(report);
    }

    private void assertUntouched(Path report) throws IOException {
        assertEquals(EARLIER, Files.readString(report), "the earlier output is untouched");
        assertEquals(List.of(), temporaryFiles(), "no temporary file is left");
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private static Process start(String mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    private static Process start(List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void signal(Process p, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
    }

    private static Path readLink(Path fd) {
        try {
            return Files.readSymbolicLink(fd);
        } catch (IOException closed) {
            return null;
        }
    }
}
