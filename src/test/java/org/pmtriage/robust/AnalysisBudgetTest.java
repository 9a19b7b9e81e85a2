package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, the analysis side: process trees and paths that made the analysis hold gigabytes end
 * at {@code -Xmx128m} in a report (findings past a cap counted, a warning), never out of memory.
 */
class AnalysisBudgetTest {

    private static final String HEAP = "128m";

    @TempDir
    Path dir;
    private Path tmp;

    @BeforeEach
    void makeTemporaryFolder() throws IOException {
        tmp = Files.createDirectory(dir.resolve("tmp"));
    }

    private static String time(long i) {
        long ms = 1000 + i / 10;
        return String.format("1:%02d:%02d.%07d PM", ms / 60_000 % 60, ms / 1000 % 60, (ms % 1000) * 10_000 + i % 10);
    }

    /** A process that is its own parent and spawns itself 100,000 times while a file it wrote is open. */
    @Test
    void aProcessThatSpawnsItself() throws Exception {
        Path log = Hostile.gzipFile(dir.resolve("self.csv.gz"), out -> {
            Hostile.text(out, Csv.HEADER + "\r\n");
            Hostile.text(out, Csv.row(time(0), "loop.exe", "77", "Process Start", "", "SUCCESS", "Parent PID: 77") + "\r\n");
            Hostile.text(out, Csv.row(time(1), "loop.exe", "77", "CreateFile", "C:\\build\\a.cpp", "SUCCESS",
                    "Desired Access: Generic Write, ShareMode: None, OpenResult: Created") + "\r\n");
            for (int i = 0; i < 100_000; i++) {
                Hostile.text(out, Csv.row(time(2 + i), "loop.exe", "77", "Process Create", "C:\\loop.exe", "SUCCESS",
                        "PID: 77, Command line: loop.exe") + "\r\n");
            }
        });
        ChildCli run = ChildCli.run(HEAP, tmp, null, "analyze", "--format", "json", "--quiet", log.toString());
        assertTrue(run.code() == 0 || run.code() == 1, run.err());
        assertTrue(run.out().contains("\"events\" : 100002"), "the report is written");
        ChildCli.assertEmpty(tmp);
    }

    /** 10,000 opens and 100,000 sharing violations of one path. */
    @Test
    void oneSharedPath() throws Exception {
        Path log = Hostile.gzipFile(dir.resolve("shared.csv.gz"), out -> {
            Hostile.text(out, Csv.HEADER + "\r\n");
            for (int i = 0; i < 10_000; i++) {
                Hostile.text(out, Csv.row(time(i), "w" + i + ".exe", Integer.toString(1000 + 4 * i), "CreateFile",
                        "C:\\build\\shared.pch", "SUCCESS", "Desired Access: Generic Write, ShareMode: None, OpenResult: Opened")
                        + "\r\n");
            }
            for (int i = 0; i < 100_000; i++) {
                Hostile.text(out, Csv.row(time(10_000 + i), "cl.exe", "99999", "CreateFile", "C:\\build\\shared.pch",
                        "SHARING VIOLATION", "Desired Access: Generic Read, ShareMode: Read") + "\r\n");
            }
        });
        ChildCli run = ChildCli.run(HEAP, tmp, null, "analyze", "--format", "json", "--quiet", log.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.out().length() < 100 << 20, "the report is bounded: " + run.out().length() + " characters");
        ChildCli.assertEmpty(tmp);
    }
}
