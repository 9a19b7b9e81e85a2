package org.pmtriage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.pmtriage.capture.BuildProcess;
import org.pmtriage.capture.CaptureLines;
import org.pmtriage.capture.CaptureLoop;
import org.pmtriage.capture.CapturePlan;
import org.pmtriage.capture.CaptureSetupException;
import org.pmtriage.capture.KeepPolicy;
import org.pmtriage.capture.ProcMonCommand;
import org.pmtriage.capture.ProcMonInstances;
import org.pmtriage.capture.ProcMonLocation;
import org.pmtriage.capture.RunFiles;
import org.pmtriage.capture.RunLimit;
import org.pmtriage.capture.SessionResult;
import org.pmtriage.capture.WindowsAdministrator;
import org.pmtriage.pmc.BuildCaptureConfig;
import org.pmtriage.pmc.EventClass;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pmtriage capture}: runs a build under ProcMon until it fails and keeps the failures' logs. */
@Command(name = "capture", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Runs COMMAND under ProcMon (Windows, as administrator), keeps the log of each failed run"
                + " and analyzes it. Usage: pmtriage capture [options] -- COMMAND [ARGS...]",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no run failed", "1:a run failed (its log kept and analyzed)",
            "2:usage error, or ProcMon missing or unusable here", "3:capture or analysis error"})
final class CaptureCommand implements Callable<Integer> {

    /** The PMC written into the capture folder and handed to ProcMon. */
    static final String CONFIG_NAME = "pmtriage-capture.pmc";
    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    enum Keep { failures, all, none }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The build and its arguments, after --.")
    private List<String> command;

    @Option(names = "--procmon", paramLabel = "PATH",
            description = "ProcMon's executable. Default: $" + ProcMonLocation.VARIABLE
                    + ", else Procmon64.exe or Procmon.exe on PATH.")
    private Path procmon;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "pmtriage-captures",
            description = "Where the logs and reports go (created). Default: ${DEFAULT-VALUE}.")
    private Path dir;

    @Option(names = "--runs", paramLabel = "N", description = "Run the build N times. Default: 1.")
    private Integer runs;

    @Option(names = "--until-failure", description = "Run until a run fails (at most --max-runs times).")
    private boolean untilFailure;

    @Option(names = "--max-runs", paramLabel = "N", description = "With --until-failure: at most N runs. Default: 100.")
    private Integer maxRuns;

    @Option(names = "--keep", defaultValue = "failures", paramLabel = "WHICH",
            description = "Logs kept: failures, all or none; an interrupted run's is always kept. Default: ${DEFAULT-VALUE}.")
    private Keep keep;

    @Option(names = "--fail-if", paramLabel = "REGEX",
            description = "Also count a run as failed when a line of its output contains a match.")
    private String failIf;

    @Option(names = "--registry", description = "Also capture registry events (most of a build's events).")
    private boolean registry;

    @Option(names = "--network", description = "Also capture network events.")
    private boolean network;

    @Option(names = "--force", description = "Start although another ProcMon runs (/Terminate stops it too).")
    private boolean force;

    @Mixin
    private ReadingOptions reading;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandLine cli = spec.commandLine();
        if (untilFailure && runs != null) {
            throw new CommandLine.ParameterException(cli, "--runs and --until-failure exclude each other (use --max-runs)");
        }
        if (!untilFailure && maxRuns != null) {
            throw new CommandLine.ParameterException(cli, "--max-runs needs --until-failure");
        }
        int count = untilFailure ? (maxRuns == null ? 100 : maxRuns) : (runs == null ? 1 : runs);
        if (count < 1) {
            throw new CommandLine.ParameterException(cli, (untilFailure ? "--max-runs" : "--runs") + " must be at least 1");
        }
        Optional<Pattern> failPattern;
        try {
            failPattern = Optional.ofNullable(failIf).map(Pattern::compile);
        } catch (PatternSyntaxException e) {
            throw new CommandLine.ParameterException(cli, "--fail-if: not a regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
        PrintWriter err = cli.getErr();
        Path exe;
        try {
            exe = procMon();
        } catch (CaptureSetupException e) {
            err.println("pmtriage capture: " + e.getMessage());
            return ExitCode.USAGE;
        }
        Files.createDirectories(dir);
        Path config = writeConfig();
        Consumer<String> warnings = reading.quiet ? w -> { } : w -> err.println("pmtriage capture: warning: " + w);
        CaptureLines lines = new CaptureLines(cli.getOut(), err);
        CapturePlan plan = new CapturePlan(new RunFiles(dir, LocalDateTime.now().format(SESSION)), config, count,
                untilFailure ? RunLimit.UNTIL_FAILURE : RunLimit.RUNS, KeepPolicy.valueOf(keep.name().toUpperCase(Locale.ROOT)));
        KeptLogReports reports = new KeptLogReports(reading.toAnalysisOptions(warnings, false));
        CaptureLoop loop = new CaptureLoop(new ProcMonCommand(exe),
                new BuildProcess(command, failPattern, cli.getOut(), err), reports, plan, lines);
        CountDownLatch done = new CountDownLatch(1);
        // Ctrl+C: the JVM ends once its hooks have run, so this one waits until the loop has
        // stopped ProcMon, kept the log and printed the listing
        Thread onCtrlC = new Thread(() -> {
            loop.interrupt();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "capture Ctrl+C");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        SessionResult session;
        try {
            session = loop.run();
            lines.listing(session);
            if (session.failures() > 1) {
                reports.writeAcrossRuns(cli.getOut());
            }
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl+C: the hook has been released and the JVM ends
            }
        }
        if (session.hadError()) {
            return ExitCode.UNREADABLE;
        }
        if (session.interrupted()) {
            return ExitCode.INTERRUPTED;
        }
        return session.failures() > 0 ? ExitCode.BUILD_FAILED : ExitCode.OK;
    }

    private Path procMon() throws CaptureSetupException {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        Path exe = ProcMonLocation.find(Optional.ofNullable(procmon),
                Optional.ofNullable(System.getenv(ProcMonLocation.VARIABLE)), Optional.ofNullable(System.getenv("PATH")),
                windows);
        if (windows && !WindowsAdministrator.check()) {
            throw new CaptureSetupException("ProcMon needs administrator rights (it loads a driver):"
                    + " run from an elevated prompt");
        }
        List<Long> others = ProcMonInstances.running(exe);
        if (!force && !others.isEmpty()) {
            throw new CaptureSetupException("another ProcMon is running (PID " + others.get(0) + "); stopping this"
                    + " capture would stop it too (/Terminate ends every instance): close it, or give --force");
        }
        return exe;
    }

    /** Writes the capture's PMC beside the logs: a temporary file moved into place. */
    private Path writeConfig() throws IOException {
        EnumSet<EventClass> classes = EnumSet.of(EventClass.FILE_SYSTEM, EventClass.PROCESS);
        if (registry) {
            classes.add(EventClass.REGISTRY);
        }
        if (network) {
            classes.add(EventClass.NETWORK);
        }
        Path config = dir.resolve(CONFIG_NAME).toAbsolutePath();
        Path temp = Files.createTempFile(config.getParent(), ".pmtriage-capture", ".tmp");
        try {
            Files.write(temp, BuildCaptureConfig.of(ProcessHandle.current().pid(), classes).toBytes());
            return Files.move(temp, config, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
