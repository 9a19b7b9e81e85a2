package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.pmc.BuildCaptureConfig;
import org.pmtriage.pmc.EventClass;
import org.pmtriage.pmc.PmcFile;
import org.pmtriage.pmc.PmcText;

/** {@code pmtriage config show}, and the rules docs/capture.md lists. */
class ConfigCommandTest {

    private static final Path REAL = Path.of("../shared/samples-public/procmon-parser/real-config.pmc");

    @TempDir
    Path tmp;

    @Test
    void showsProcMonsOwnConfiguration() {
        assumeTrue(Files.isRegularFile(REAL), "absent: " + REAL);
        CliRun run = CliRun.of("config", "show", REAL.toString());
        assertEquals(0, run.code(), run.err());
        List<String> lines = List.of(run.out().split("\n"));
        assertEquals(REAL + ": 20 records", lines.get(0));
        assertTrue(lines.contains("  DestructiveFilter  1"), run.out());
        assertTrue(lines.contains("  SymbolPath         \"srv*https://msdl.microsoft.com/download/symbols\""), run.out());
        assertTrue(lines.contains("FilterRules: 25 rules"), run.out());
        assertTrue(lines.contains("    1  include  Process Name  is           python.exe"), run.out());
        assertTrue(lines.contains("   24  exclude  Path          contains     $Extend"), run.out());
        assertEquals("HighlightRules: 0 rules", lines.get(lines.size() - 1));
    }

    @Test
    void aPidRuleShowsItsNumber() throws IOException {
        Path pmc = Files.write(tmp.resolve("c.pmc"), BuildCaptureConfig.of(4242, EnumSet.of(EventClass.PROCESS)).toBytes());
        CliRun run = CliRun.of("config", "show", pmc.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\n   25  exclude  PID           is           4242 (number 4242)\n"), run.out());
    }

    @Test
    void aBrokenOrMissingFileIsOneLineAndExit3() throws IOException {
        byte[] whole = BuildCaptureConfig.of(1, EnumSet.of(EventClass.PROCESS)).toBytes();
        Path cut = Files.write(tmp.resolve("cut.pmc"), Arrays.copyOf(whole, 100));
        CliRun broken = CliRun.of("config", "show", cut.toString());
        assertEquals(3, broken.code());
        assertEquals("pmtriage config show: " + cut + ":byte 0x0: record of 160 bytes, only 100 left\n", broken.err());
        assertEquals("", broken.out());
        CliRun missing = CliRun.of("config", "show", tmp.resolve("none.pmc").toString());
        assertEquals(3, missing.code());
        assertEquals("pmtriage config show: " + tmp.resolve("none.pmc") + ": no such file\n", missing.err());
        assertEquals(2, CliRun.of("config").code());
    }

    @Test
    void docsListTheRulesOfADefaultCapture() throws IOException {
        StringWriter rules = new StringWriter();
        PrintWriter out = new PrintWriter(rules);
        PmcFile written = PmcFile.parse(BuildCaptureConfig.of(4242, EnumSet.of(EventClass.FILE_SYSTEM,
                EventClass.PROCESS)).toBytes(), "capture.pmc");
        new PmcText(out).rules(PmcFile.FILTER_RULES, written.filterRules("capture.pmc"));
        out.flush();
        String docs = Files.readString(Path.of("docs/capture.md"), StandardCharsets.UTF_8);
        String marker = "<!-- filter rules: checked by ConfigCommandTest -->\n```\n";
        int start = docs.indexOf(marker);
        assertTrue(start >= 0, "docs/capture.md has the marked block");
        int from = start + marker.length();
        assertEquals(rules.toString(), docs.substring(from, docs.indexOf("```", from)));
    }
}
