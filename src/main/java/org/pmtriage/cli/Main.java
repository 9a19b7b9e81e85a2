package org.pmtriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

import org.pmtriage.api.Failure;
import org.pmtriage.read.LogFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pmtriage} command and its subcommands. */
@Command(name = "pmtriage", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Explains inherited-handle leaks, spawn races and sharing violations in"
                + " Process Monitor logs (CSV, XML or PML, plain or .gz).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding that --fail-on counts", "1:findings that --fail-on counts",
            "2:usage error", "3:an input could not be read or an output written"})
public final class Main implements Runnable {

    /**
     * The subcommands by name, in the order help lists them. Each name is its class's
     * {@code @Command} name (MainTest checks).
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("analyze", AnalyzeCommand::new);
        SUBCOMMANDS.put("summarize", SummarizeCommand::new);
        SUBCOMMANDS.put("stats", StatsCommand::new);
        SUBCOMMANDS.put("convert", ConvertCommand::new);
        SUBCOMMANDS.put("capture", CaptureCommand::new);
        SUBCOMMANDS.put("config", ConfigCommand::new);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: analyze, stats, convert or completion");
    }

    /**
     * Runs the tool.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            try {
                System.err.println("pmtriage: " + Failure.describe(e));
            } catch (Throwable again) {
                // out of memory even for one line: say nothing rather than a stack trace
            }
        });
        System.exit(run(args, new PrintWriter(System.out, false), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the tool with the given streams, for embedding and tests.
     *
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli's handler below sees exceptions only; an Error thrown by a command ends here
            code = failed(e, cli.getParseResult(), err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * @return the command line for {@code args}: with only the subcommand they name when they begin
     *         with one that needs no other (picocli reads every registered command's annotations
     *         at start, a tenth of a second for all of them), else with all
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new Main());
        String first = args.length == 0 ? "" : args[0];
        if (SUBCOMMANDS.containsKey(first) && !first.equals("help") && !first.equals("completion")) {
            cli.addSubcommand(first, SUBCOMMANDS.get(first).get());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String prefix = "pmtriage " + commandLine.getCommandName() + ": ";
            PrintWriter err = commandLine.getErr();
            if (e instanceof LogFormatException) {
                err.println(prefix + e.getMessage());
            } else if (e instanceof IOException) {
                err.println(prefix + "cannot write: " + e.getMessage());
            } else {
                err.println(prefix + Failure.describe(e));
            }
            if (Debug.enabled(parseResult)) {
                e.printStackTrace(err);
            }
            return ExitCode.UNREADABLE;
        });
        return cli;
    }

    private static int failed(Error e, CommandLine.ParseResult parsed, PrintWriter err) {
        String name = "pmtriage";
        if (parsed != null && parsed.hasSubcommand()) {
            CommandLine.ParseResult command = parsed.subcommand();
            while (command.hasSubcommand()) {
                command = command.subcommand();
            }
            name += " " + command.commandSpec().name();
        }
        err.println(name + ": " + Failure.describe(e));
        if (parsed != null && Debug.enabled(parsed)) {
            e.printStackTrace(err);
        }
        return ExitCode.UNREADABLE;
    }

    /**
     * A usage error: one line naming the command and what was wrong, then where to read more;
     * never the whole usage, which buries the message.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String name = command.getParent() == null ? "" : command.getCommandName();
        PrintWriter err = command.getErr();
        err.println("pmtriage" + (name.isEmpty() ? "" : " " + name) + ": " + e.getMessage());
        err.println("Try 'pmtriage help" + (name.isEmpty() ? "" : " " + name) + "'");
        return ExitCode.USAGE;
    }

    /** The version, commit and build date Maven wrote into the build, the Java runtime and the formats read. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            String commit = p.getProperty("commit", "unknown") + ("true".equals(p.getProperty("modified")) ? " (modified)" : "");
            return new String[] {
                "pmtriage " + p.getProperty("version", "dev"),
                "commit " + commit + ", built " + p.getProperty("built", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                        + System.getProperty("java.home") + ")",
                "reads ProcMon CSV and XML exports and PML logs (format version 9), each plain or gzip-compressed",
            };
        }
    }
}
