package org.pmtriage.read.pml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.open.LogReaders;

/**
 * Every capture our generator made (the CSVs in {@code samples/}) exists as PML too: written with
 * {@link PmlWriter} and read back, its events are the same. Skips while {@code samples/} has none.
 */
class GeneratorSamplesAsPmlTest {

    private static final Set<String> DETAIL_OPERATIONS = Set.of("CreateFile", "CloseFile", "ReadFile", "WriteFile",
            "Process Create", "Process Start", "Process Exit");
    /** The reader writes numbers the en-US way; a generated capture may use another locale's. */
    private static final Pattern GROUPING = Pattern.compile("(?<=\\d)\\.(?=\\d{3}(?!\\d))");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("(?<=\\d),(?=\\d{7}(?!\\d))");

    @TempDir
    Path dir;

    @Test
    void generatedCapturesSurviveBeingWrittenAsPml() throws IOException {
        Path samples = Path.of("samples");
        Assumptions.assumeTrue(Files.isDirectory(samples), "no samples/ yet");
        List<Path> csvs;
        try (Stream<Path> files = Files.list(samples)) {
            csvs = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        Assumptions.assumeFalse(csvs.isEmpty(), "no generated CSV in samples/");
        for (Path csv : csvs) {
            List<Event> original = new ArrayList<>();
            try (EventReader r = LogReaders.open(csv.toString(), ReadOptions.defaults())) {
                r.forEachRemaining(original::add);
                PmlWriter.write(dir.resolve("g.pml"), r.processes(), original, 20_000);
            }
            assertFalse(original.isEmpty(), csv.toString());
            try (EventReader r = LogReaders.open(dir.resolve("g.pml").toString(), ReadOptions.defaults())) {
                for (Event e : original) {
                    Event b = r.next();
                    String where = csv + " record " + e.record();
                    assertEquals(List.of(e.time(), e.processName(), e.pid(), e.tid(), e.operationName(), e.path(),
                            e.result(), e.parentPid(), e.commandLine(), e.imagePath()),
                            List.of(b.time(), b.processName(), b.pid(), b.tid(), b.operationName(), b.path(),
                            b.result(), b.parentPid(), b.commandLine(), b.imagePath()), where);
                    if (DETAIL_OPERATIONS.contains(e.operationName())) {
                        String expected = e.detail();
                        if (!e.operationName().equals("Process Start") && !e.operationName().equals("Process Create")) {
                            expected = DECIMAL_COMMA.matcher(GROUPING.matcher(expected).replaceAll(",")).replaceAll(".");
                        }
                        assertEquals(expected, b.detail(), where);
                    }
                }
                assertFalse(r.hasNext(), csv.toString());
            }
        }
    }
}
