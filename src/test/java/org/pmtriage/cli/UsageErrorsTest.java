package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.api.LogFiles;

/** Usage errors are one line naming the command, then where to read more, and exit 2. */
class UsageErrorsTest {

    private static final String LOG = "samples/flaky-build.csv";

    @TempDir
    Path dir;

    private static void usage(String message, String command, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(2, run.code(), run.err());
        assertEquals("", run.out());
        String prefix = command.isEmpty() ? "pmtriage: " : "pmtriage " + command + ": ";
        assertEquals(prefix + message + "\nTry 'pmtriage help" + (command.isEmpty() ? "" : " " + command) + "'\n",
                run.err());
    }

    @Test
    void aDurationNeedsItsUnit() {
        usage("Invalid value for option '--window': '5' is not a duration with its unit, such as 50ms, 1s or 200us",
                "analyze", "analyze", "--window", "5", LOG);
        usage("Invalid value for option '--window': 'abc' is not a duration with its unit, such as 50ms, 1s or 200us",
                "analyze", "analyze", "-w", "abc", LOG);
    }

    @Test
    void anUnknownZoneIsExplainedWithExamples() {
        usage("Invalid value for option '--time-zone': 'Mars/Base' is not a time zone; give a region such as"
                + " Europe/Madrid, an offset such as +02:00, or UTC", "analyze", "analyze", "--time-zone", "Mars/Base", LOG);
        usage("Invalid value for option '--time-zone': 'Mars/Base' is not a time zone; give a region such as"
                + " Europe/Madrid, an offset such as +02:00, or UTC", "stats", "stats", "--time-zone", "Mars/Base", LOG);
    }

    @Test
    void theSameInputTwiceIsAUsageError() {
        usage("standard input (-) is named twice", "analyze", "analyze", "-", "-");
        usage("'./" + LOG + "' is named twice", "analyze", "analyze", LOG, "./" + LOG);
        usage("'" + LOG + "' is named twice", "stats", "stats", LOG, LOG);
    }

    @Test
    void unknownValuesOptionsAndCommands() {
        usage("Invalid value for option '--format': expected one of [text, json, jsonl, junit, markdown, github]"
                + " (case-insensitive) but was 'xml'", "analyze", "analyze", "--format", "xml", LOG);
        usage("Unknown option: '--bogus'", "analyze", "analyze", "--bogus", LOG);
        usage("Missing required parameter: 'LOG'", "stats", "stats");
        usage("--jobs must be at least 1", "analyze", "analyze", "-j", "0", LOG);
        usage("missing a command: analyze, stats, convert or completion", "");
        usage("Unknown option: '--nope'", "", "--nope");
    }

    @Test
    void shortOptionsAndEnumValuesInAnyCase() throws IOException {
        CliRun run = CliRun.of("analyze", "-q", "-f", "JSON", "-j", "1", "-w", "20MS", LOG);
        assertEquals(1, run.code(), run.err());
        assertEquals("", run.err());
        assertEquals(1437, new ObjectMapper().readTree(run.out()).at("/input/events").asInt());
        assertEquals(0, CliRun.of("stats", "-q", "-f", "Json", LOG).code());
    }

    @Test
    void aFileReachedTwiceIsReadOnceWithAWarning() throws IOException {
        Path log = Files.copy(Path.of(LOG), dir.resolve("build.csv"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), log);
        CliRun run = CliRun.of("analyze", "-f", "jsonl", dir.toString(), log.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(1, run.out().lines().count());
        assertEquals("pmtriage analyze: warning: " + link + ": read once, the same file as " + log + "\n"
                + "pmtriage analyze: warning: " + log + ": read once, its folder is named too\n", run.err());
    }

    @Test
    void aRolloverFileNamedBesideItsCaptureIsReadOnce() throws IOException {
        Path first = Files.writeString(dir.resolve("Logfile.PML"), "PML_");
        Path second = Files.writeString(dir.resolve("Logfile-1.PML"), "PML_");
        Path csv = Files.writeString(dir.resolve("other.csv"), "x");
        Files.writeString(dir.resolve("other-1.csv"), "x");
        List<String> warnings = new ArrayList<>();
        List<String> logs = LogFiles.expand(List.of(second.toString(), first.toString(), csv.toString()), true,
                warnings::add);
        assertEquals(List.of(first.toString(), csv.toString()), logs);
        assertEquals(List.of(second + ": read once, as a rollover file of " + first), warnings);
        assertEquals(List.of(second.toString(), first.toString()),
                LogFiles.expand(List.of(second.toString(), first.toString()), false, warnings::add));
    }

    @Test
    void versionNamesCommitBuildRuntimeAndFormats() {
        List<String> lines = CliRun.of("--version").out().lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("pmtriage \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines.get(0));
        assertTrue(lines.get(1).matches("commit ([0-9a-f]{7,40}( \\(modified\\))?|unknown),"
                + " built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines.get(1));
        assertEquals("Java " + System.getProperty("java.version"), lines.get(2).substring(0, lines.get(2).indexOf(" (")));
        assertEquals("reads ProcMon CSV and XML exports and PML logs (format version 9), each plain or gzip-compressed",
                lines.get(3));
        assertEquals(lines, CliRun.of("stats", "--version").out().lines().toList());
    }
}
