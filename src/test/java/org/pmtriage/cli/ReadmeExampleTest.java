package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The README shows the text report of the bundled sample exactly as the tool prints it. */
class ReadmeExampleTest {

    @Test
    void readmeExampleIsWhatTheToolPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```\n", readme.indexOf("The first prints:")) + 4;
        String shown = readme.substring(start, readme.indexOf("```\n", start));
        CliRun run = CliRun.of("analyze", "samples/flaky-build.csv");
        assertEquals(1, run.code(), run.err());
        assertEquals(shown, run.out().replace(System.lineSeparator(), "\n"));
    }
}
