package org.pmtriage;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The real logs in {@code ../shared/samples-public} (see its SOURCES.md), used from there and never
 * copied: several have no license. A test asks for each sample by its fixed name; where it is
 * absent (a user's clone) the test is reported as skipped, and under
 * {@code -Dpmtriage.requireShared=true} (what {@code .ci/run} passes: CI always has them) it fails.
 */
public final class SharedSamples {

    /** The system property under which a missing sample fails the test instead of skipping it. */
    public static final String REQUIRE = "pmtriage.requireShared";

    /** The folder of the real logs, relative to the repository root (the tests' working directory). */
    public static final Path ROOT = Path.of("..", "shared", "samples-public");

    private SharedSamples() {
    }

    /**
     * @param relative the sample's path inside {@link #ROOT}, e.g. {@code procmon-parser/win10x64-process.csv}
     * @return its path, when it is there
     */
    public static Path require(String relative) {
        Path file = ROOT.resolve(relative);
        if (!Files.isRegularFile(file)) {
            String absent = file + " is absent";
            if (Boolean.getBoolean(REQUIRE)) {
                fail(absent + ", and -D" + REQUIRE + "=true requires it (put the shared samples beside the repository)");
            }
            Assumptions.abort(absent + ": skipped (a clone without ../shared)");
        }
        return file;
    }
}
