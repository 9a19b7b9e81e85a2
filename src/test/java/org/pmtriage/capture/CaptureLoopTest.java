package org.pmtriage.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The loop with the stand-in ProcMon and real build processes: Ctrl+C, analysis failures. */
@DisabledOnOs(OS.WINDOWS)
class CaptureLoopTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CaptureLoop loop(StandInProcMon standIn, List<String> build, KeptLogAnalysis analysis, int runs,
                             KeepPolicy keep) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("captures"));
        CapturePlan plan = new CapturePlan(new RunFiles(dir, "20260312-140307"), tmp.resolve("c.pmc"), runs, RunLimit.RUNS,
                keep);
        return new CaptureLoop(new ProcMonCommand(standIn.executable()),
                new BuildProcess(build, Optional.empty(), new PrintWriter(out), new PrintWriter(err)), analysis, plan,
                new CaptureLines(new PrintWriter(out), new PrintWriter(err)));
    }

    @Test
    void interruptStopsTheBuildAndProcMonAndKeepsTheLogWhateverKeepSays() throws Exception {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        Path started = tmp.resolve("started");
        List<Path> analyzed = new ArrayList<>();
        CaptureLoop loop = loop(standIn, List.of("sh", "-c", "touch '" + started + "'; exec sleep 600"),
                log -> {
                    analyzed.add(log);
                    throw new IOException("not expected");
                }, 5, KeepPolicy.NONE);
        AtomicReference<SessionResult> result = new AtomicReference<>();
        Thread session = new Thread(() -> result.set(loop.run()));
        session.start();
        for (int i = 0; i < 60_000 && !Files.exists(started); i++) {
            Thread.sleep(5); // waits for the build to have started, not for a time
        }
        assertTrue(Files.exists(started), "the build started");
        loop.interrupt();
        session.join();

        SessionResult s = result.get();
        assertEquals(1, s.runs().size());
        RunResult r = s.runs().get(0);
        assertEquals(RunOutcome.INTERRUPTED, r.outcome());
        assertTrue(s.interrupted());
        Path kept = tmp.resolve("captures/pmtriage-20260312-140307-run1-interrupted.PML");
        assertEquals(List.of(kept), r.kept());
        assertTrue(Files.isRegularFile(kept));
        assertEquals(List.of(), analyzed, "an interrupted log is not analyzed");
        assertEquals(List.of("/Terminate"), standIn.calls().get(2), "ProcMon was stopped");
        assertEquals(3, standIn.calls().size());
        assertEquals("run 1/5: interrupted; kept " + kept + ", not analyzed (pmtriage analyze " + kept + ")\n",
                out.toString());
    }

    @Test
    void interruptBeforeTheBuildStartsStillStopsProcMonAndKeepsTheLog() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CaptureLoop loop = loop(standIn, List.of("true"), log -> {
            throw new IOException("not expected");
        }, 3, KeepPolicy.FAILURES);
        loop.interrupt();
        SessionResult s = loop.run();
        assertEquals(List.of(), s.runs(), "no run starts once interrupted");
        assertEquals(List.of(), standIn.calls());
    }

    @Test
    void aFailedAnalysisIsReportedAndTheLoopGoesOn() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CaptureLoop loop = loop(standIn, List.of("false"), log -> {
            throw new IOException(log.getFileName() + ": cannot read: disk on fire");
        }, 2, KeepPolicy.FAILURES);
        SessionResult s = loop.run();
        assertEquals(2, s.runs().size());
        assertTrue(s.hadError());
        assertEquals(2, s.failures());
        assertEquals(Optional.of("pmtriage-20260312-140307-run2-exit1.PML: cannot read: disk on fire"),
                s.runs().get(1).analysisError());
        assertTrue(out.toString().contains("run 1/2: exit 1, failed; kept " + tmp.resolve(
                "captures/pmtriage-20260312-140307-run1-exit1.PML") + "; analysis failed: pmtriage-20260312-140307-run1-exit1.PML:"
                + " cannot read: disk on fire\n"), out.toString());
    }

    @Test
    void aKeptNameThatExistsIsNeverReplaced() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        Path earlier = Files.createDirectories(tmp.resolve("captures"))
                .resolve("pmtriage-20260312-140307-run1-exit1.PML");
        Files.writeString(earlier, "an earlier session's log");
        CaptureLoop loop = loop(standIn, List.of("false"), log -> {
            throw new IOException("not expected");
        }, 1, KeepPolicy.FAILURES);
        SessionResult s = loop.run();
        assertEquals("an earlier session's log", Files.readString(earlier));
        Path capturing = tmp.resolve("captures/pmtriage-20260312-140307-run1-capturing.PML");
        assertEquals(Optional.of("run 1: cannot keep the log " + capturing + ": " + earlier
                + ": would be replaced; nothing was moved over it"), s.error());
        assertTrue(Files.isRegularFile(capturing), "the captured log stays where ProcMon wrote it");
    }
}
