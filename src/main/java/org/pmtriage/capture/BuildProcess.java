package org.pmtriage.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The build as a child process: standard input is passed through, standard output and error are
 * copied line by line to ours, each line tested against {@code --fail-if}.
 */
public final class BuildProcess implements Build {

    private static final Charset CONSOLE = Charset.forName(System.getProperty("native.encoding",
            Charset.defaultCharset().name()));

    private final List<String> command;
    private final Optional<Pattern> failIf;
    private final PrintWriter out;
    private final PrintWriter err;
    private Process running;
    private boolean stopped;

    /**
     * @param command the build's command and arguments
     * @param failIf  a pattern that makes a run count as failed when a line of its output contains it
     * @param out     where the build's standard output goes
     * @param err     where the build's standard error goes
     */
    public BuildProcess(List<String> command, Optional<Pattern> failIf, PrintWriter out, PrintWriter err) {
        this.command = List.copyOf(command);
        this.failIf = failIf;
        this.out = out;
        this.err = err;
    }

    @Override
    public BuildResult run() throws IOException {
        Process p;
        synchronized (this) {
            if (stopped) {
                return new BuildResult(-1, false, true);
            }
            try {
                p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
            } catch (IOException e) {
                throw new IOException("cannot run the build " + command.get(0) + ": " + e.getMessage(), e);
            }
            running = p;
        }
        AtomicBoolean matched = new AtomicBoolean();
        Thread copyErr = new Thread(() -> copy(p.getErrorStream(), err, matched), "build stderr");
        copyErr.start();
        copy(p.getInputStream(), out, matched);
        try {
            int code = p.waitFor();
            copyErr.join();
            synchronized (this) {
                running = null;
                return new BuildResult(code, matched.get(), stopped);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new BuildResult(-1, matched.get(), true);
        }
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroy);
            running.destroy();
        }
    }

    private void copy(InputStream from, PrintWriter to, AtomicBoolean matched) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from, CONSOLE))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (failIf.isPresent() && failIf.get().matcher(line).find()) {
                    matched.set(true);
                }
                synchronized (to) {
                    to.println(line);
                    to.flush();
                }
            }
        } catch (IOException streamClosed) {
            // the build was stopped or closed its output: nothing more to copy
        }
    }
}
