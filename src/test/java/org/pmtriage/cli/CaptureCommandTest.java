package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.capture.StandInProcMon;
import org.pmtriage.pmc.BuildCaptureConfig;
import org.pmtriage.pmc.EventClass;
import org.pmtriage.pmc.PmcFile;
import org.pmtriage.report.JsonReport;

/**
 * {@code pmtriage capture} end to end, with the stand-in ProcMon script (POSIX shell, so not on
 * Windows) and real build processes ({@code sh -c ...}).
 */
@DisabledOnOs(OS.WINDOWS)
class CaptureCommandTest {

    private static final Pattern KEPT = Pattern.compile("pmtriage-\\d{8}-\\d{6}-run(\\d+)-(exit-?\\d+(-matched)?|interrupted)(-\\d+)?\\.PML");

    @TempDir
    Path tmp;

    private Path dir() {
        return tmp.resolve("captures");
    }

    /** A build that fails (exit 1) on its third run and passes before; each run prints its number. */
    private List<String> failsOnThirdRun() {
        Path count = tmp.resolve("count");
        return List.of("sh", "-c", "n=$(cat '" + count + "' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '" + count
                + "'; echo \"build $n\"; [ $n -lt 3 ]");
    }

    private CliRun capture(StandInProcMon standIn, List<String> options, List<String> build) {
        List<String> args = new ArrayList<>(List.of("capture", "--procmon", standIn.executable().toString(),
                "--dir", dir().toString()));
        args.addAll(options);
        args.add("--");
        args.addAll(build);
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir())) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void buildFailingOnItsThirdRunLeavesOneKeptLogWithItsReports() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun run = capture(standIn, List.of("--until-failure"), failsOnThirdRun());

        assertEquals(1, run.code(), run.err());
        List<String> files = files();
        assertEquals(4, files.size(), files.toString());
        assertEquals(CaptureCommand.CONFIG_NAME, files.get(3));
        Matcher kept = KEPT.matcher(files.get(0));
        assertTrue(kept.matches(), files.get(0));
        assertEquals("3", kept.group(1));
        assertEquals("exit1", kept.group(2));
        String stem = files.get(0).substring(0, files.get(0).length() - ".PML".length());
        assertEquals(List.of(stem + ".PML", stem + ".html", stem + ".json"), files.subList(0, 3));

        List<List<String>> calls = standIn.calls();
        assertEquals(9, calls.size(), calls.toString());
        for (int n = 1; n <= 3; n++) {
            Path backing = dir().resolve(stem.replace("-run3-exit1", "-run" + n + "-capturing") + ".PML");
            List<String> start = new ArrayList<>(List.of("/AcceptEula", "/Quiet", "/Minimized", "/BackingFile",
                    backing.toString(), "/LoadConfig", dir().resolve(CaptureCommand.CONFIG_NAME).toAbsolutePath().toString()));
            assertEquals(List.of(start, List.of("/WaitForIdle"), List.of("/Terminate")), calls.subList(3 * n - 3, 3 * n));
            assertFalse(Files.exists(backing), "the log of run " + n + " was deleted or renamed");
        }

        String[] lines = run.out().split("\n");
        assertEquals(List.of("build 1", "run 1/100: exit 0, passed; log deleted", "build 2",
                "run 2/100: exit 0, passed; log deleted", "build 3"), List.of(lines).subList(0, 5));
        Path log = dir().resolve(stem + ".PML");
        JsonNode report = JsonReport.mapper().readTree(dir().resolve(stem + ".json").toFile());
        long errors = report.get("summary").get("bySeverity").get("error").asLong();
        assertTrue(errors > 0, "the generated capture holds the story's leak and sharing violation");
        assertEquals("run 3/100: exit 1, failed; kept " + log + ": " + errors + " error findings; reports "
                + dir().resolve(stem + ".json") + ", " + dir().resolve(stem + ".html"), lines[5]);
        assertEquals(List.of("", "Runs: 3, failed: 1", "Kept logs:", "  run 3  " + log + "  " + errors + " error findings"),
                List.of(lines).subList(6, lines.length));
        assertEquals(standIn.events(), report.get("input").get("events").asLong());

        CliRun analyze = CliRun.of("analyze", "--format", "json", log.toString());
        assertEquals(analyze.out(), Files.readString(dir().resolve(stem + ".json"), StandardCharsets.UTF_8),
                "the JSON beside the log is what pmtriage analyze prints");
        CliRun html = CliRun.of("analyze", "--html", tmp.resolve("analyze.html").toString(), log.toString());
        assertEquals(Files.readString(tmp.resolve("analyze.html")), Files.readString(dir().resolve(stem + ".html")));
        assertEquals(1, html.code());
    }

    @Test
    void configurationHandedToProcMonIsTheBuildCaptureWithThisProcessExcluded() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun run = capture(standIn, List.of("--registry"), List.of("true"));
        assertEquals(0, run.code(), run.err());
        Path config = dir().resolve(CaptureCommand.CONFIG_NAME);
        PmcFile pmc = PmcFile.read(config);
        long pid = ProcessHandle.current().pid();
        assertEquals(BuildCaptureConfig.rules(pid, java.util.EnumSet.of(EventClass.FILE_SYSTEM, EventClass.PROCESS,
                EventClass.REGISTRY)), pmc.filterRules(config.toString()));
        assertEquals(1, pmc.record("DestructiveFilter").orElseThrow().asU32());
        assertEquals(List.of(), files().stream().filter(f -> f.endsWith(".PML")).toList(), "a passing run's log is deleted");
    }

    @Test
    void keepAllKeepsAndAnalyzesPassingRuns() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun run = capture(standIn, List.of("--runs", "2", "--keep", "all"), List.of("true"));
        assertEquals(0, run.code(), run.err());
        List<String> logs = files().stream().filter(f -> f.endsWith(".PML")).toList();
        assertEquals(2, logs.size(), logs.toString());
        assertTrue(logs.get(0).endsWith("-run1-exit0.PML") && logs.get(1).endsWith("-run2-exit0.PML"), logs.toString());
        assertEquals(2, files().stream().filter(f -> f.endsWith(".json")).count());
        assertTrue(run.out().contains("Runs: 2, failed: 0"), run.out());
    }

    @Test
    void keepNoneDeletesEvenFailures() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun run = capture(standIn, List.of("--runs", "2", "--keep", "none"), List.of("false"));
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(CaptureCommand.CONFIG_NAME), files());
        assertTrue(run.out().contains("run 2/2: exit 1, failed; log deleted"), run.out());
        assertTrue(run.out().contains("Runs: 2, failed: 2"), run.out());
    }

    @Test
    void failIfCountsARunFailedByItsOutput() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun run = capture(standIn, List.of("--fail-if", "C10\\d\\d"),
                List.of("sh", "-c", "echo 'fatal error C1083: Cannot open include file' >&2"));
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("fatal error C1083"), "the build's standard error is passed through");
        List<String> logs = files().stream().filter(f -> f.endsWith(".PML")).toList();
        assertEquals(1, logs.size());
        assertTrue(logs.get(0).endsWith("-run1-exit0-matched.PML"), logs.get(0));
        assertTrue(run.out().contains("run 1/1: exit 0 but the output matched --fail-if, failed; kept"), run.out());
    }

    @Test
    void rolloverPartsAreKeptTogetherAndAnalyzedAsOneLog() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), true);
        CliRun run = capture(standIn, List.of(), List.of("false"));
        assertEquals(1, run.code(), run.err());
        List<String> files = files();
        assertEquals(5, files.size(), files.toString());
        String stem = files.get(1).substring(0, files.get(1).length() - ".PML".length());
        assertTrue(stem.endsWith("-run1-exit1"), stem);
        assertEquals(List.of(stem + "-1.PML", stem + ".PML", stem + ".html", stem + ".json", CaptureCommand.CONFIG_NAME),
                files);
        JsonNode report = JsonReport.mapper().readTree(dir().resolve(stem + ".json").toFile());
        assertEquals(standIn.events(), report.get("input").get("events").asLong(), "both parts were read");
        assertTrue(run.out().contains("(2 rollover parts)"), run.out());
    }

    @Test
    void procMonFailingMidRunEndsTheLoopWithAClearLine() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        standIn.dieDuringRuns();
        CliRun run = capture(standIn, List.of("--runs", "3"), List.of("true"));
        assertEquals(3, run.code());
        Path backing = dir().resolve(standIn.calls().get(0).get(4)).toAbsolutePath();
        assertEquals("pmtriage capture: run 1: ProcMon wrote no log to " + backing
                + " (did it stop during the run?); the build's exit code was 0\n", run.err());
        assertEquals(3, standIn.calls().size(), "one run: start, wait, terminate");
    }

    @Test
    void anotherProcMonRunningStopsTheCaptureUnlessForced() throws Exception {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        Process another = standIn.startAnother();
        try {
            CliRun refused = capture(standIn, List.of(), List.of("true"));
            assertEquals(2, refused.code());
            assertEquals("pmtriage capture: another ProcMon is running (PID " + another.pid() + "); stopping this capture"
                    + " would stop it too (/Terminate ends every instance): close it, or give --force\n", refused.err());
            assertEquals(List.of(), standIn.calls());
            CliRun forced = capture(standIn, List.of("--force"), List.of("true"));
            assertEquals(0, forced.code(), forced.err());
            assertEquals(3, standIn.calls().size());
        } finally {
            standIn.endAnother(another);
        }
    }

    @Test
    void withoutAStandInCaptureSaysProcMonRunsOnWindowsOnly() {
        assumeTrue(System.getenv("PMTRIAGE_PROCMON") == null, "PMTRIAGE_PROCMON names a stand-in here");
        CliRun run = CliRun.of("capture", "--dir", dir().toString(), "--", "true");
        assertEquals(2, run.code());
        assertEquals("pmtriage capture: ProcMon runs on Windows only; run capture on a Windows host or VM (a stand-in"
                + " for tests may be named with --procmon or PMTRIAGE_PROCMON)\n", run.err());
        assertFalse(Files.exists(dir()), "nothing was created");
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun both = capture(standIn, List.of("--runs", "3", "--until-failure"), List.of("true"));
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("--runs and --until-failure exclude each other"), both.err());
        CliRun regex = capture(standIn, List.of("--fail-if", "C1083("), List.of("true"));
        assertEquals(2, regex.code());
        assertTrue(regex.err().startsWith("--fail-if: not a regular expression"), regex.err());
        CliRun missing = CliRun.of("capture", "--procmon", tmp.resolve("nowhere.exe").toString(), "--", "true");
        assertEquals(2, missing.code());
        assertEquals("pmtriage capture: ProcMon not found: " + tmp.resolve("nowhere.exe")
                + " (from --procmon) is not an executable file\n", missing.err());
        assertEquals(List.of(), standIn.calls());
    }

    @Test
    void aBuildThatCannotStartIsACaptureError() throws IOException {
        StandInProcMon standIn = StandInProcMon.create(tmp.resolve("procmon"), false);
        CliRun run = capture(standIn, List.of(), List.of(tmp.resolve("no-such-build").toString()));
        assertEquals(3, run.code());
        assertTrue(run.err().startsWith("pmtriage capture: run 1: cannot run the build " + tmp.resolve("no-such-build")),
                run.err());
        assertEquals(List.of("/Terminate"), standIn.calls().get(2), "ProcMon was stopped");
        assertEquals(List.of(CaptureCommand.CONFIG_NAME), files());
    }
}
