package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 1: small compressed inputs that decompress to huge texts and tables end, at
 * {@code -Xmx128m}, in their documented outcome (texts cut and said, or one line and exit 3),
 * without a stack trace or a temporary file left.
 */
class MemoryBudgetTest {

    private static final String HEAP = "128m";
    private static final int HUGE = 15_000_000;

    @TempDir
    Path dir;
    private Path tmp;

    @BeforeEach
    void makeTemporaryFolder() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
    }

    /** 16 CSV records whose paths are 15 MB each, a file open and closed by each. */
    @Test
    void csvRecordsWithHugePaths() throws Exception {
        Path log = Hostile.gzipFile(dir.resolve("paths.csv.gz"), out -> {
            Hostile.text(out, Csv.HEADER + "\r\n");
            for (int i = 0; i < 16; i++) {
                String op = i % 2 == 0 ? "CreateFile" : "CloseFile";
                Hostile.text(out, "\"1:12:21." + (1000000 + i) + " PM\",\"python.exe\",\"4312\",\"" + op + "\",\"C:\\" + i);
                Hostile.repeat(out, "x", HUGE);
                Hostile.text(out, "\",\"SUCCESS\",\"\"\r\n");
            }
        });
        ChildCli analyze = ChildCli.run(HEAP, tmp, null, "analyze", "--format", "json", log.toString());
        assertEquals(0, analyze.code(), analyze.err());
        assertEquals(List.of("pmtriage analyze: warning: " + log + ": the Path of record 1 is " + (HUGE + 4)
                        + " characters long: cut to its first 65536; later texts over that length are cut too and counted",
                "pmtriage analyze: warning: " + log + ": 16 texts longer than 65536 characters cut in all"),
                analyze.error().lines().toList());
        assertEquals(16, new ObjectMapper().readTree(analyze.out()).at("/input/events").asInt());

        ChildCli convert = ChildCli.run(HEAP, tmp, null, "convert", "--to", "jsonl", log.toString());
        assertEquals(0, convert.code(), convert.err());
        assertEquals(16, convert.out().lines().count());
        assertTrue(convert.out().lines().allMatch(l -> l.length() < 70_000), "every path is cut");
        ChildCli.assertEmpty(tmp);
    }
}
