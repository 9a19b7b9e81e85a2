package org.pmtriage.pmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real PMC file in {@code ../shared/samples-public} (ProcMon's own, Noriben's ten,
 * stofte's) is read and written back byte for byte, its rule lists too. Skips when ../shared is
 * absent (several of the files have no license and are never copied here).
 */
class RealPmcFilesTest {

    static final Path SAMPLES = Path.of("../shared/samples-public");

    /** Name, records, filter rules, highlight rules: counted by an independent script when the files came in. */
    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("procmon-parser/real-config.pmc", 20, 25, 0),
                Arguments.of("stofte-roslyn/procmon-conf.pmc", 20, 25, 0),
                Arguments.of("noriben/pmc/ProcmonConfiguration@blob0df988f1.pmc", 24, 169, 1),
                Arguments.of("noriben/pmc/ProcmonConfiguration@blob121dbd4c.pmc", 20, 155, 3),
                Arguments.of("noriben/pmc/ProcmonConfiguration@blob22658c08.pmc", 20, 51, 1),
                Arguments.of("noriben/pmc/ProcmonConfiguration@blob4dc8a22f.pmc", 20, 150, 1),
                Arguments.of("noriben/pmc/ProcmonConfiguration@blobd4fee92d.pmc", 20, 71, 3),
                Arguments.of("noriben/pmc/ProcmonConfiguration_extreme@blob129c4160.pmc", 20, 149, 3),
                Arguments.of("noriben/pmc/ProcmonConfiguration_high@blob0e7881e0.pmc", 20, 141, 3),
                Arguments.of("noriben/pmc/ProcmonConfiguration_medium@blob9ce29cb9.pmc", 20, 119, 3),
                Arguments.of("noriben/pmc/filters_ProcmonConfiguration@blobea83d38d.pmc", 20, 105, 1),
                Arguments.of("noriben/pmc/filters_ProcmonConfiguration_old@blob5fd16730.pmc", 20, 88, 1));
    }

    static byte[] sample(String name) throws IOException {
        Path file = SAMPLES.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "absent: " + file);
        return Files.readAllBytes(file);
    }

    @ParameterizedTest
    @MethodSource("files")
    void writtenBackByteForByte(String name, int records, int filters, int highlights) throws IOException {
        byte[] bytes = sample(name);
        PmcFile pmc = PmcFile.parse(bytes, name);
        assertArrayEquals(bytes, pmc.toBytes());
        assertArrayEquals(bytes, new PmcFile(List.copyOf(pmc.records())).toBytes());
    }

    @ParameterizedTest
    @MethodSource("files")
    void ruleListsAreEncodedAsTheyWereRead(String name, int records, int filters, int highlights) throws IOException {
        PmcFile pmc = PmcFile.parse(sample(name), name);
        for (String record : List.of(PmcFile.FILTER_RULES, PmcFile.HIGHLIGHT_RULES)) {
            byte[] data = pmc.record(record).orElseThrow().data();
            List<FilterRule> rules = RuleList.decode(data, name, 0);
            assertArrayEquals(data, RuleList.encode(rules), name + " " + record);
        }
        PmcFile rebuilt = pmc.with(new PmcRecord(PmcFile.FILTER_RULES, RuleList.encode(pmc.filterRules(name))));
        assertArrayEquals(pmc.toBytes(), rebuilt.toBytes());
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFileHasProcMonsRecordsAndRules(String name, int records, int filters, int highlights) throws IOException {
        PmcFile pmc = PmcFile.parse(sample(name), name);
        assertEquals(records, pmc.records().size());
        assertEquals(List.of("Columns", "ColumnCount", "ColumnMap", "DbgHelpPath", "Logfile"),
                pmc.records().stream().limit(5).map(PmcRecord::name).toList());
        assertEquals(filters, pmc.filterRules(name).size());
        assertEquals(highlights, pmc.highlightRules(name).size());
    }
}
