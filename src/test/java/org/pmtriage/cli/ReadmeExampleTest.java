package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** README.md shows what the tool prints for the bundled sample, exactly, and the exit code it gives. */
class ReadmeExampleTest {

    private static final String COMMAND = "bin/pmtriage analyze samples/flaky-build.csv";
    private static final String BLOCK_START = "The first prints:\n\n```\n";
    private static final String REFRESH = "README.md's example output is not what `" + COMMAND + "` prints."
            + " If the report changed on purpose, refresh README.md: replace the lines between \"The first prints:\""
            + " and the closing ``` with what `" + COMMAND + "` prints now, and the exit code below them";

    @Test
    void exampleOutputIsWhatTheToolPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        assertTrue(readme.contains("\n" + COMMAND + "\n"), "README.md no longer shows `" + COMMAND + "`");
        int start = readme.indexOf(BLOCK_START);
        assertTrue(start >= 0, "README.md has no block after \"The first prints:\"");
        start += BLOCK_START.length();
        String shown = readme.substring(start, readme.indexOf("```\n", start));

        CliRun run = CliRun.of("analyze", "samples/flaky-build.csv");

        assertEquals("", run.err(), REFRESH);
        assertEquals(shown, run.out(), REFRESH);
        String exit = "Exit code " + run.code() + ":";
        assertTrue(readme.substring(start).contains("```\n\n" + exit), REFRESH + " (\"" + exit + " ...\")");
    }
}
