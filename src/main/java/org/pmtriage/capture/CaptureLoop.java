package org.pmtriage.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One capture session: for each run, start ProcMon, run the build, stop ProcMon, then keep the
 * log (all its rollover parts) or delete it, and analyze what was kept. {@link #interrupt()}
 * (Ctrl+C) stops the build; the run's log is then kept, marked interrupted, and the session ends.
 */
public final class CaptureLoop {

    private final ProcMon procMon;
    private final Build build;
    private final KeptLogAnalysis analysis;
    private final CapturePlan plan;
    private final CaptureLines lines;
    private volatile boolean interrupted;

    /**
     * @param procMon  starts and stops ProcMon
     * @param build    the build to run
     * @param analysis the analysis of each kept log
     * @param plan     what to do
     * @param lines    where to say what happened
     */
    public CaptureLoop(ProcMon procMon, Build build, KeptLogAnalysis analysis, CapturePlan plan, CaptureLines lines) {
        this.procMon = procMon;
        this.build = build;
        this.analysis = analysis;
        this.plan = plan;
        this.lines = lines;
    }

    /** @return what the session did; the runs' lines are written as they end */
    public SessionResult run() {
        List<RunResult> runs = new ArrayList<>();
        try {
            for (int n = 1; n <= plan.runs() && !interrupted; n++) {
                RunResult r = runOnce(n);
                runs.add(r);
                lines.run(r, plan);
                if (r.outcome() == RunOutcome.INTERRUPTED
                        || r.outcome() == RunOutcome.FAILED && plan.limit() == RunLimit.UNTIL_FAILURE) {
                    break;
                }
            }
            return new SessionResult(runs, Optional.empty());
        } catch (CaptureFailure e) {
            lines.error(e.getMessage());
            return new SessionResult(runs, Optional.of(e.getMessage()));
        }
    }

    /**
     * Stops the running build (from another thread, such as a shutdown hook); the run's log is
     * kept, marked interrupted, and {@link #run()} returns after that run.
     */
    public void interrupt() {
        interrupted = true;
        build.stop();
    }

    private RunResult runOnce(int n) throws CaptureFailure {
        Path backing = plan.files().backing(n);
        try {
            procMon.start(backing, plan.config());
        } catch (IOException e) {
            throw new CaptureFailure("run " + n + ": ProcMon did not start: " + e.getMessage());
        }
        BuildResult result;
        try {
            result = interrupted ? new BuildResult(-1, false, true) : build.run();
        } catch (IOException e) {
            stopProcMon(n);
            deleteQuietly(RunFiles.parts(backing));
            throw new CaptureFailure("run " + n + ": " + e.getMessage());
        }
        stopProcMon(n);
        List<Path> parts = RunFiles.parts(backing);
        if (parts.isEmpty()) {
            throw new CaptureFailure("run " + n + ": ProcMon wrote no log to " + backing
                    + " (did it stop during the run?); the build's exit code was " + result.exitCode());
        }
        RunOutcome outcome = interrupted || result.stopped() ? RunOutcome.INTERRUPTED
                : result.failed() ? RunOutcome.FAILED : RunOutcome.PASSED;
        if (!keeps(outcome)) {
            try {
                RunFiles.delete(parts);
            } catch (IOException e) {
                throw new CaptureFailure("run " + n + ": cannot delete the log " + backing + ": " + e.getMessage());
            }
            return new RunResult(n, result, outcome, List.of(), Optional.empty(), Optional.empty());
        }
        List<Path> kept;
        try {
            kept = RunFiles.move(parts, plan.files().kept(n, outcome, result));
        } catch (IOException e) {
            throw new CaptureFailure("run " + n + ": cannot keep the log " + backing + ": " + e.getMessage());
        }
        if (outcome == RunOutcome.INTERRUPTED) {
            return new RunResult(n, result, outcome, kept, Optional.empty(), Optional.empty());
        }
        try {
            return new RunResult(n, result, outcome, kept, Optional.of(analysis.analyze(kept.get(0))), Optional.empty());
        } catch (IOException e) {
            return new RunResult(n, result, outcome, kept, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private boolean keeps(RunOutcome outcome) {
        return switch (outcome) {
            case INTERRUPTED -> true;
            case FAILED -> plan.keep() != KeepPolicy.NONE;
            case PASSED -> plan.keep() == KeepPolicy.ALL;
        };
    }

    private void stopProcMon(int n) throws CaptureFailure {
        try {
            procMon.stop();
        } catch (IOException e) {
            throw new CaptureFailure("run " + n + ": ProcMon did not stop: " + e.getMessage());
        }
    }

    private static void deleteQuietly(List<Path> parts) {
        try {
            RunFiles.delete(parts);
        } catch (IOException ignored) {
            // the run already failed with a clearer message than this one
        }
    }

    /** Ends the session early, with the line that says why. */
    private static final class CaptureFailure extends Exception {
        private static final long serialVersionUID = 1L;

        CaptureFailure(String message) {
            super(message, null, false, false);
        }
    }
}
