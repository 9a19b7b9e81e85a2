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
        Path log = HostileShapes.csvHugePaths(dir.resolve("paths.csv.gz"), 16, HUGE);
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

    @Test
    void xmlMarkupOutsideEvents() throws Exception {
        for (String[] shape : HostileShapes.XML_MARKUP) {
            Path log = HostileShapes.xmlMarkup(dir.resolve("markup.xml.gz"), shape, 150_000_000L);
            ChildCli run = ChildCli.run(HEAP, tmp, null, "stats", log.toString());
            assertEquals(3, run.code(), shape[1] + ": " + run.err());
            String what = shape[1].startsWith("<!--") ? "a comment" : "a tag \\(its name with its attributes\\)";
            assertTrue(run.error().matches("pmtriage stats: \\Q" + log + "\\E:byte " + HostileShapes.markupStart(shape)
                    + ": the XML has " + what
                    + " longer than 1048576 bytes outside the events; ProcMon writes none that long"), run.err());
        }
        ChildCli.assertEmpty(tmp);
    }

    @Test
    void xmlProcessListOfMillionsOfEntries() throws Exception {
        Path log = HostileShapes.xmlManyProcesses(dir.resolve("processes.xml.gz"), 2_000_000);
        ChildCli run = ChildCli.run(HEAP, tmp, null, "analyze", "--format", "json", log.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.error().matches("pmtriage analyze: warning: \\Q" + log + "\\E:\\d+:\\d+: the process list holds"
                + " more than 32 MiB of processes: the \\d+ before this one are kept, the rest left out \\(their events"
                + " are read all the same\\)"), run.err());
        assertEquals(XmlStory.EVENTS, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
    }

    @Test
    void xmlProcessListWithHugeCommandLines() throws Exception {
        Path log = HostileShapes.xmlHugeCommandLines(dir.resolve("commands.xml.gz"), 40, 4_000_000);
        for (String command : List.of("stats", "analyze")) {
            ChildCli run = ChildCli.run(HEAP, tmp, null, command, "--format", "json", log.toString());
            assertEquals(command.equals("stats") ? 0 : 1, run.code(), run.err());
            assertTrue(run.error().matches("pmtriage " + command + ": warning: \\Q" + log + "\\E: the CommandLine at"
                    + " \\d+:\\d+ is 4000000 characters long: cut to its first 65536; later texts over that length"
                    + " are cut too and counted"), run.err());
            assertEquals(XmlStory.EVENTS, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
        }
    }

    @Test
    void pmlStringTableOfOneHugeString() throws Exception {
        Path log = HostileShapes.pmlOneHugeString(dir.resolve("strings.pml.gz"), 33_000_000);
        for (String command : List.of("stats", "analyze")) {
            ChildCli run = ChildCli.run(HEAP, tmp, null, command, "--format", "json", log.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.error().matches("pmtriage " + command + ": warning: \\Q" + log + "\\E: string 1 of the"
                    + " strings table \\(at 0x[0-9a-f]+\\) is 33000001 characters long: cut to its first 65536; later"
                    + " texts over that length are cut too and counted"), run.err());
            assertEquals(PmlShapes.EVENTS, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
        }
        ChildCli.assertEmpty(tmp);
    }
}
