package org.pmtriage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonGenerator;
import org.pmtriage.incident.LogPatterns;
import org.pmtriage.incident.PatternRanking;
import org.pmtriage.report.AcrossLogsReport;
import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.Listing;
import org.pmtriage.report.ReportDocuments;
import org.pmtriage.report.ReportReadException;
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
            + AcrossLogsReport.TEXT_PATTERNS + ".")
    private boolean all;

    @Override
    public Integer call() throws IOException {
        if (output != null) {
            AtomicOutput.check(output);
        }
        PatternRanking ranking = new PatternRanking();
        try {
            for (Path file : files()) {
                try (InputStream in = Files.newInputStream(file)) {
                    ReportDocuments.read(file.toString(), in).forEach(ranking::add);
                } catch (IOException e) {
                    throw new ReportReadException(file.toString(), 0, "cannot read: " + e.getMessage());
                }
            }
        } catch (ReportReadException e) {
            spec.commandLine().getErr().println("pmtriage summarize: " + e.getMessage());
            return ExitCode.UNREADABLE;
        }
        AcrossLogsReport across = new AcrossLogsReport(ranking);
        if (output == null) {
            write(across, spec.commandLine().getOut());
        } else {
            try (AtomicOutput file = new AtomicOutput(output)) {
                write(across, file.writer());
                file.commit();
            }
        }
        return ExitCode.OK;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path p : reports) {
            if (!Files.isDirectory(p)) {
                if (!Files.isRegularFile(p)) {
                    throw new ReportReadException(p.toString(), 0, "no such file");
                }
                files.add(p);
                continue;
            }
            try (Stream<Path> walk = Files.walk(p)) {
                List<Path> found = walk.filter(Files::isRegularFile).filter(f -> {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    return name.endsWith(".json") || name.endsWith(".jsonl");
                }).sorted().toList();
                if (found.isEmpty()) {
                    throw new ReportReadException(p.toString(), 0, "folder holds no .json or .jsonl report");
                }
                files.addAll(found);
            } catch (IOException e) {
                throw new ReportReadException(p.toString(), 0, "cannot list folder: " + e.getMessage());
            }
        }
        return files;
    }

    private void write(AcrossLogsReport across, PrintWriter out) throws IOException {
        switch (format) {
            case text -> across.text(out, new Listing(all ? Integer.MAX_VALUE : Listing.DEFAULT_INCIDENTS,
                    Listing.Findings.FOLDED));
            case json -> {
                JsonGenerator json = JsonReport.mapper().getFactory().createGenerator(out);
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeNumberField("schemaVersion", JsonReport.SCHEMA_VERSION);
                json.writeArrayFieldStart("logs");
                for (LogPatterns log : across.logs()) {
                    json.writeStartObject();
                    json.writeStringField("path", log.log());
                    json.writeStringField("status", log.status());
                    json.writeEndObject();
                }
                json.writeEndArray();
                across.jsonFields(json);
                json.writeEndObject();
                json.close();
                out.println();
            }
            case html -> HtmlReport.writeAcross(across, out);
        }
        out.flush();
    }
}
