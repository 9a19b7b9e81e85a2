package org.pmtriage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test that sends signals to a child process can count on. A signal ignored when a process
 * starts stays ignored in its children (a shell ignores SIGINT for commands it starts in the
 * background, and the JVM leaves an ignored SIGINT alone), so such a child cannot be interrupted
 * with Ctrl+C at all: the test is then reported as skipped, with the reason.
 */
public final class Signals {

    private static final long SIGINT_BIT = 1L << (2 - 1);

    private Signals() {
    }

    /** Skips the calling test when this process (and so every child it starts) ignores SIGINT. */
    public static void assumeSigintDelivered() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                Assumptions.assumeTrue((ignored & SIGINT_BIT) == 0, "SIGINT is ignored in this process tree"
                        + " (started in the background), so no child can receive it");
            }
        }
    }
}
