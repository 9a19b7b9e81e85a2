package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import org.pmtriage.api.ProgressWatch;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error (bytes done, MB/s, ETA) for long inputs, shown only when
 * standard error is a terminal. The launcher scripts tell whether it is
 * ({@code -Dpmtriage.stderr.tty=true}); without them, a console on standard input and output is
 * taken as the sign.
 */
final class Progress implements ProgressWatch {

    /** Inputs smaller than this finish too soon to need a bar. */
    static final long THRESHOLD = 100L * 1024 * 1024;

    private static final Progress NONE = new Progress(null);
    private static final int EVERY = 1 << 16;

    private final ProgressBar bar;
    private int calls;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * @param log   the input as the user named it
     * @param quiet whether the user asked for no progress
     * @return a bar for a large file on a terminal, else one that shows nothing
     */
    static Progress start(String log, boolean quiet) {
        if (quiet || !stderrIsTerminal() || log.equals("-")) {
            return NONE;
        }
        long size;
        try {
            size = Files.size(Path.of(log));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        if (size < THRESHOLD) {
            return NONE;
        }
        boolean compressed = log.toLowerCase(Locale.ROOT).endsWith(".gz");
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(Path.of(log).getFileName().toString())
                .setInitialMax(compressed ? -1 : size)
                .setUnit(" MB", 1024 * 1024)
                .showSpeed()
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .clearDisplayOnFinish()
                .build();
        return new Progress(bar);
    }

    /** Reports bytes of input read so far; cheap enough to call per event. */
    @Override
    public void update(long bytesRead) {
        if (bar != null && ++calls % EVERY == 0 && bytesRead >= 0) {
            bar.stepTo(bytesRead);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }

    private static boolean stderrIsTerminal() {
        String told = System.getProperty("pmtriage.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }
}
