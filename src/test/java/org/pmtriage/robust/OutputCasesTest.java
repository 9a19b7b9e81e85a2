package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An --output that cannot be written is said at once, before the pass, in one line, exit 3. */
class OutputCasesTest {

    @TempDir
    Path dir;

    @Test
    void outputInAMissingFolder() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path output = dir.resolve("nowhere").resolve("report.txt");
        Cli run = Cli.run("analyze", "--output", output.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: cannot write: " + output + ": folder " + output.getParent() + " does not exist",
                run.error());
    }

    @Test
    void outputThatIsAFolderIsLeftAlone() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), Csv.of(Csv.OPEN).toBytes());
        Path output = Files.createDirectory(dir.resolve("reports"));
        Cli run = Cli.run("analyze", "--output", output.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("pmtriage analyze: cannot write: " + output + ": is a folder, not a file", run.error());
        assertTrue(Files.isDirectory(output));
    }

    @Test
    void unreadableLogLeavesTheEarlierOutput() throws IOException {
        Path log = Files.write(dir.resolve("a.csv"), new byte[0]);
        Path output = Files.writeString(dir.resolve("report.txt"), "earlier");
        Cli run = Cli.run("analyze", "--output", output.toString(), log.toString());
        assertEquals(3, run.code());
        assertEquals("earlier", Files.readString(output));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left");
        }
    }
}
