package org.pmtriage.capture;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a session for people: a line per run as it ends, an error line, the listing at the end. */
public final class CaptureLines {

    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param out where run lines and the listing go
     * @param err where errors go
     */
    public CaptureLines(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** Writes the line of a run that ended. */
    public void run(RunResult r, CapturePlan plan) {
        StringBuilder line = new StringBuilder("run ").append(r.run()).append('/').append(plan.runs()).append(": ");
        BuildResult b = r.build();
        switch (r.outcome()) {
            case INTERRUPTED -> line.append("interrupted");
            case PASSED -> line.append("exit 0, passed");
            case FAILED -> line.append("exit ").append(b.exitCode())
                    .append(b.exitCode() == 0 ? " but the output matched --fail-if" : "").append(", failed");
        }
        if (r.kept().isEmpty()) {
            line.append("; log deleted");
        } else {
            line.append("; kept ").append(r.kept().get(0));
            if (r.kept().size() > 1) {
                line.append(" (").append(r.kept().size()).append(" rollover parts)");
            }
            if (r.outcome() == RunOutcome.INTERRUPTED) {
                line.append(", not analyzed (pmtriage analyze ").append(r.kept().get(0)).append(')');
            }
            r.analysis().ifPresent(a -> line.append(": ").append(errors(a)).append("; reports ").append(a.json())
                    .append(", ").append(a.html()));
            r.analysisError().ifPresent(e -> line.append("; analysis failed: ").append(e));
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Writes the line that ended a session early. */
    public void error(String message) {
        err.println("pmtriage capture: " + message);
        err.flush();
    }

    /** Writes the across-runs listing: runs, failed runs, kept logs with their error findings. */
    public void listing(SessionResult session) {
        synchronized (out) {
            out.println();
            out.printf("Runs: %d%s, failed: %d%n", session.runs().size(), session.interrupted() ? " (interrupted)" : "",
                    session.failures());
            if (session.runs().stream().anyMatch(r -> !r.kept().isEmpty())) {
                out.println("Kept logs:");
            }
            for (RunResult r : session.runs()) {
                if (r.kept().isEmpty()) {
                    continue;
                }
                Path log = r.kept().get(0);
                String what = r.outcome() == RunOutcome.INTERRUPTED ? "interrupted, not analyzed"
                        : r.analysis().map(CaptureLines::errors).orElse("not analyzed");
                out.printf("  run %d  %s  %s%n", r.run(), log, what);
            }
            out.flush();
        }
    }

    private static String errors(AnalyzedLog a) {
        return a.errorFindings() + " error finding" + (a.errorFindings() == 1 ? "" : "s");
    }
}
