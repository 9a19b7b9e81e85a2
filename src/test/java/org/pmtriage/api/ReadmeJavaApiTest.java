package org.pmtriage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's "Java API" example is compiled, exactly as shown, against the API and run on the
 * bundled sample; what it prints is what README.md says it prints. README and API cannot drift.
 */
class ReadmeJavaApiTest {

    private static final String SECTION = "\n## Java API\n";
    private static final String CODE_START = "```java\n";
    private static final String OUTPUT_START = "prints:\n\n```\n";
    private static final String FENCE_END = "```\n";
    private static final String SAMPLE = "samples/flaky-build.csv";

    @Test
    void readmeExampleCompilesAndPrintsWhatTheReadmeShows(@TempDir Path dir) throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int section = readme.indexOf(SECTION);
        assertTrue(section >= 0, "README.md has no \"## Java API\" section");
        String code = block(readme, readme.indexOf(CODE_START, section), CODE_START);
        String shown = block(readme, readme.indexOf(OUTPUT_START, section), OUTPUT_START);
        Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
        assertTrue(name.find(), "the example declares no public class");
        assertTrue(readme.substring(section).contains(" " + name.group(1) + " " + SAMPLE + "`"),
                "README.md no longer says how the example is run on " + SAMPLE);

        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, code, StandardCharsets.UTF_8);
        Javac.compile(source, dir, "README.md's Java API example");

        Path out = dir.resolve("out.txt");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir + File.pathSeparator + System.getProperty("java.class.path"), name.group(1), SAMPLE)
                .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertTrue(run.waitFor(2, TimeUnit.MINUTES), "the example did not end in 2 minutes");
        assertEquals(0, run.exitValue(), Files.readString(dir.resolve("err.txt")));
        assertEquals(shown, Files.readString(out, StandardCharsets.UTF_8),
                "README.md's Java API example prints something else now: refresh the block after \"prints:\"");
    }

    private static String block(String readme, int start, String opening) {
        assertTrue(start >= 0, "README.md's Java API section has no block opened by " + opening.strip());
        int from = start + opening.length();
        return readme.substring(from, readme.indexOf(FENCE_END, from));
    }
}
