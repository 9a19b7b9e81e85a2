package org.pmtriage.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example in the API's Javadoc ({@code <pre>{@code ...}</pre>}) compiles against the API as
 * it is: each becomes the body of a method, with the imports a script would write.
 */
class ApiExamplesTest {

    private static final Path API = Path.of("src/main/java/org/pmtriage/api");
    private static final Pattern EXAMPLE = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* }</pre>", Pattern.DOTALL);
    private static final String IMPORTS = """
            import java.io.*;
            import java.nio.file.*;
            import java.time.*;
            import java.util.*;
            import org.pmtriage.api.*;
            import org.pmtriage.event.Event;
            import org.pmtriage.event.ExportLocale;
            import org.pmtriage.event.Timeline;
            import org.pmtriage.incident.Incident;
            import org.pmtriage.read.BadRecordPolicy;
            import org.pmtriage.read.EventReader;
            import org.pmtriage.read.LogFormatException;
            import org.pmtriage.read.ReadOptions;
            """;

    @Test
    void everyJavadocExampleCompiles(@TempDir Path dir) throws IOException {
        StringBuilder examples = new StringBuilder(IMPORTS).append("class Examples {\n");
        List<String> documented = new ArrayList<>();
        try (Stream<Path> sources = Files.list(API)) {
            for (Path source : sources.sorted().toList()) {
                Matcher m = EXAMPLE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    String name = source.getFileName().toString().replace(".java", "").replace('-', '_');
                    examples.append("void ").append(name).append(documented.size()).append("() throws Exception {\n")
                            .append(m.group(1).replaceAll("(?m)^ \\* ?", "")).append("\n}\n");
                    documented.add(name);
                }
            }
        }
        for (String type : List.of("package_info", "AnalysisOptions", "BatchAnalysis", "EventConversion", "EventFormat",
                "EventLogs", "FailPolicy", "Failure", "LogAnalysis", "LogFiles", "LogStatistics", "PatternSummary",
                "ProgressWatch", "ReportFormat", "ReportScope", "UnreadableLog", "Verdict")) {
            assertTrue(documented.contains(type), type + " has no example in its Javadoc");
        }
        Path file = dir.resolve("Examples.java");
        Files.writeString(file, examples.append("}\n"), StandardCharsets.UTF_8);
        Javac.compile(file, dir, "a Javadoc example of org.pmtriage.api (in " + file + ":\n" + examples + ")");
    }
}
