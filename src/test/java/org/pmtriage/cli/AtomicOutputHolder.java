package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A process that stops in the middle of writing an {@link AtomicOutput}, for the signal tests:
 * writes part of the content, says {@code writing} on standard output, then waits (at most a
 * minute) to be killed.
 */
public final class AtomicOutputHolder {

    private AtomicOutputHolder() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        try (AtomicOutput file = new AtomicOutput(Path.of(args[0]))) {
            file.writer().println("half of a report");
            file.writer().flush();
            System.out.println("writing");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
