package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pmtriage.api.PatternSummary;
import org.pmtriage.api.ReportFormat;
import org.pmtriage.api.ReportScope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pmtriage summarize}: patterns ranked across the JSON reports of many logs. */
@Command(name = "summarize", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Ranks the patterns of many JSON reports (analyze --format json or jsonl) by the logs they"
                + " appear in and the failures they explain, without the logs.")
final class SummarizeCommand implements Callable<Integer> {

    enum Format { text, json, html }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REPORT",
            description = "JSON reports (.json or .jsonl), or folders: every such file in them and their sub-folders.")
    private List<Path> reports;

    @Option(names = "--format", defaultValue = "text", description = "text, json or html. Default: ${DEFAULT-VALUE}.")
    private Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    private Path output;

    @Option(names = "--all", description = "Text: list every pattern, not only the first "
            + PatternSummary.TEXT_PATTERNS + ".")
    private boolean all;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            AtomicOutput.check(output);
        }
        PatternSummary summary = new PatternSummary();
        summary.addReports(reports);
        ReportScope scope = all ? ReportScope.ALL : ReportScope.DEFAULT;
        ReportFormat report = ReportFormat.valueOf(format.name().toUpperCase(Locale.ROOT));
        AtomicOutput.write(output, spec.commandLine().getOut(), out -> summary.write(report, scope, out));
        return ExitCode.OK;
    }
}
