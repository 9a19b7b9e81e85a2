package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 2: running out of memory ends in one line and exit 3, never a stack trace or
 * exit 1; with several logs the others still get their reports.
 */
class ErrorCasesTest {

    @TempDir
    Path dir;

    /** 400,000 files opened and never closed: more live objects than a 32 MiB heap holds. */
    private Path tooManyOpenFiles() throws IOException {
        Path log = dir.resolve("open.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log), 1 << 16)) {
            out.write((Csv.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 400_000; i++) {
                rows.append(Csv.row("1:12:21.0000000 PM", "python.exe", "4312", "CreateFile",
                        "C:\\build\\obj\\generated\\f" + i + ".obj", "SUCCESS",
                        "Desired Access: Generic Write, ShareMode: None, OpenResult: Created")).append("\r\n");
                if (rows.length() > 1 << 16) {
                    out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
                    rows.setLength(0);
                }
            }
            out.write(rows.toString().getBytes(StandardCharsets.UTF_8));
        }
        return log;
    }

    @Test
    void outOfMemoryInOneLogKeepsTheOthersReports() throws Exception {
        Path big = tooManyOpenFiles();
        Path small = Files.write(dir.resolve("small.csv"), Csv.of(Csv.OPEN, Csv.CLOSE).toBytes());
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        for (String jobs : new String[] {"1", "2"}) {
            ChildCli run = ChildCli.run("32m", tmp, null, "analyze", "--jobs", jobs, "--format", "jsonl", "--quiet",
                    big.toString(), small.toString());
            assertEquals(3, run.code(), run.err());
            assertTrue(run.error().matches("pmtriage analyze: " + java.util.regex.Pattern.quote(big.toString())
                    + ": out of memory: the Java heap \\(\\d+ MiB\\) is full; give it more with JAVA_OPTS=-Xmx2g"
                    + " \\(docs/robustness.md lists the budgets\\)"), run.err());
            assertTrue(run.out().contains("\"path\" : \"" + small) || run.out().contains("\"path\":\"" + small),
                    "the other log's report is written:\n" + run.out());
            ChildCli.assertEmpty(tmp);
        }
    }
}
