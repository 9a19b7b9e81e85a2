package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pmtriage.SharedSamples;

/**
 * The runtimes the report names for each real sample in ../shared/samples-public, and why: pinned
 * here and in docs/diagnosis.md's table, which must show the same row.
 */
class SampleRuntimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cuckoo/procmon.xml | CPython (python.exe: name only)",
        "epicmine901-epic/Logfile.XML | antivirus scanner 4.18.1909.6 (MsMpEng.exe: version resource)",
        "fskoras-gcc-build/Logfile.CSV | none",
        "ictkevinmoore-converter/test.PML | none",
        "jereksel-cloudmirror/Logfile.PML | antivirus scanner 4.18.1911.3 (MsMpEng.exe: version resource);"
                + " search indexer 7.0.18362.592 (SearchProtocolHost.exe: version resource)",
        "jtarkington77-phishing/Logfile.CSV | none",
        "matefoxer-ron-crash/Logfile.PML | none",
        "noriben/Noriben_09_Apr_13__20_16_13_368000.csv | none",
        "procmon-parser/LogFileUTC32Filesystem.PML.gz | search indexer 7.00.7600.16385 (SearchIndexer.exe:"
                + " version resource)",
        "procmon-parser/LogFileUTC32Filesystem.csv.gz | search indexer 7.00.7600.16385 (SearchIndexer.exe:"
                + " version resource)",
        "procmon-parser/LogFileUTC64Filesystem.PML.gz | antivirus scanner 4.18.2006.10 (MsMpEng.exe: version"
                + " resource); search indexer 7.0.18362.1 (SearchIndexer.exe: version resource); search indexer"
                + " 7.0.18362.719 (SearchProtocolHost.exe: version resource)",
        "procmon-parser/LogFileUTC64Filesystem.csv.gz | antivirus scanner 4.18.2006.10 (MsMpEng.exe: version"
                + " resource); search indexer 7.0.18362.1 (SearchIndexer.exe: version resource); search indexer"
                + " 7.0.18362.719 (SearchProtocolHost.exe: version resource)",
        "procmon-parser/LogFileUTC64Registry.PML.gz | .NET (backgroundTaskHost.exe: module clr.dll); search"
                + " indexer 7.0.18362.1 (SearchIndexer.exe: version resource)",
        "procmon-parser/LogFileUTC64Registry.csv.gz | search indexer 7.0.18362.1 (SearchIndexer.exe: version"
                + " resource)",
        "procmon-parser/LogfileTests64bitUTC.PML.gz | antivirus scanner 4.18.2001.10 (MsMpEng.exe: version"
                + " resource); search indexer 7.0.16299.15 (SearchIndexer.exe: version resource); search indexer"
                + " 7.0.16299.755 (SearchFilterHost.exe: version resource); search indexer 7.0.16299.785"
                + " (SearchProtocolHost.exe: version resource)",
        "procmon-parser/LogfileTests64bitUTC.csv.gz | antivirus scanner 4.18.2001.10 (MsMpEng.exe: version"
                + " resource); search indexer 7.0.16299.15 (SearchIndexer.exe: version resource); search indexer"
                + " 7.0.16299.755 (SearchFilterHost.exe: version resource); search indexer 7.0.16299.785"
                + " (SearchProtocolHost.exe: version resource)",
        "procmon-parser/win10x64-process.csv | .NET (backgroundTaskHost.exe: module clr.dll); CPython 3.8"
                + " (python.exe: module python38.dll); PowerShell (PowerShell.exe: module clr.dll); antivirus scanner"
                + " 4.18.2006.10 (MsMpEng.exe: version resource); search indexer 7.0.18362.1 (SearchIndexer.exe:"
                + " version resource)",
        "procmon-parser/win10x64-process.pml | .NET (backgroundTaskHost.exe: module clr.dll); CPython 3.8"
                + " (python.exe: module python38.dll); PowerShell (PowerShell.exe: module clr.dll); antivirus scanner"
                + " 4.18.2006.10 (MsMpEng.exe: version resource); search indexer 7.0.18362.1 (SearchIndexer.exe:"
                + " version resource)",
        "procmon-parser/win7x86-mixed.csv | search indexer 7.00.7600.16385 (SearchProtocolHost.exe: version"
                + " resource)",
        "procmon-parser/win7x86-mixed.pml | search indexer 7.00.7600.16385 (SearchIndexer.exe: version"
                + " resource)",
        "prsp0007-samples/Logfile.CSV | none",
        "prsp0007-samples/Logfile.PML | none",
        "sre-project/Logfile.CSV | none",
        "tonyrulez-file_dump/Logfile.PML | Java (Cryptomator.exe: module jvm.dll)",
        "trustdan-dashboard/Logfile.PML | none",
    })
    void theReportNamesTheseRuntimesAndTheDocsSaySo(String file, String expected) throws IOException {
        Path log = SharedSamples.require(file);
        CliRun run = CliRun.of("analyze", "--format", "json", "--fail-on", "none", log.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(expected, named(doc.at("/input/runtimes")));
        String docs = Files.readString(Path.of("docs", "diagnosis.md"), StandardCharsets.UTF_8);
        String row = "| `" + file + "` | " + expected + " |";
        assertTrue(docs.contains(row + "\n"), "docs/diagnosis.md lacks the row\n" + row);
    }

    /** @return e.g. {@code CPython 3.8 (python.exe: module python38.dll); ...}, or {@code none} */
    private static String named(JsonNode runtimes) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : runtimes) {
            String why = switch (r.get("evidence").asText()) {
                case "module" -> "module " + fileName(r.get("evidenceText").asText().split(" in ")[0]);
                case "version-resource" -> "version resource";
                case "image-path" -> "image path";
                case "command-line" -> "command line";
                default -> "name only";
            };
            out.add(r.get("name").asText() + (r.get("version").isNull() ? "" : " " + r.get("version").asText()) + " ("
                    + r.get("example").asText().split(" ")[0] + ": " + why + ")");
        }
        return out.isEmpty() ? "none" : String.join("; ", out);
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('\\') + 1);
    }
}
