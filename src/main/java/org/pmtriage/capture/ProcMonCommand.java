package org.pmtriage.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ProcMon driven by its command line, as Noriben and the ProcMon help describe: the capturing
 * instance is started without waiting for it, {@code /WaitForIdle} returns once it captures, and
 * {@code /Terminate} stops every instance and returns once the log is flushed. ProcMon's own exit
 * codes are not documented and not relied on: a missing log tells that a capture failed.
 */
public final class ProcMonCommand implements ProcMon {

    /** How long the started instance may take to end after {@code /Terminate} returned. */
    private static final long EXIT_WAIT_SECONDS = 60;

    private final Path executable;
    private Process capturing;

    /** @param executable {@code Procmon64.exe}, {@code Procmon.exe}, or a stand-in for tests */
    public ProcMonCommand(Path executable) {
        this.executable = executable;
    }

    /** @return the arguments that start a capture, with absolute paths */
    private static List<String> startArguments(Path backingFile, Path config) {
        return List.of("/AcceptEula", "/Quiet", "/Minimized", "/BackingFile", backingFile.toAbsolutePath().toString(),
                "/LoadConfig", config.toAbsolutePath().toString());
    }

    @Override
    public void start(Path backingFile, Path config) throws IOException {
        capturing = launch(startArguments(backingFile, config));
        waitFor(launch(List.of("/WaitForIdle")), "/WaitForIdle");
    }

    @Override
    public void stop() throws IOException {
        waitFor(launch(List.of("/Terminate")), "/Terminate");
        if (capturing != null) {
            try {
                capturing.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            capturing = null;
        }
    }

    private Process launch(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(arguments);
        try {
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            return p;
        } catch (IOException e) {
            throw new IOException("cannot run " + executable + ": " + e.getMessage(), e);
        }
    }

    private void waitFor(Process p, String what) throws IOException {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(executable + " " + what + " was interrupted", e);
        }
    }
}
