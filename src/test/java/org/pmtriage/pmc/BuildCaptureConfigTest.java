package org.pmtriage.pmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The configuration {@code pmtriage capture} writes, against ProcMon's own (real-config.pmc). */
class BuildCaptureConfigTest {

    private static final Set<EventClass> BUILD = EnumSet.of(EventClass.FILE_SYSTEM, EventClass.PROCESS);

    @Test
    void defaultExcludesAreByteIdenticalToProcMonsOwn() throws IOException {
        PmcFile real = PmcFile.parse(RealPmcFilesTest.sample("procmon-parser/real-config.pmc"), "real-config.pmc");
        List<FilterRule> rules = real.filterRules("real-config.pmc");
        // ProcMon's 25: two includes the user added (python.exe, *pmc*), then its 23 defaults
        List<FilterRule> defaults = rules.subList(2, rules.size());
        assertEquals(defaults, BuildCaptureConfig.defaultExcludes());
        assertArrayEquals(RuleList.encode(defaults), RuleList.encode(BuildCaptureConfig.defaultExcludes()));
    }

    @Test
    void recordsOtherThanColumnsAndFilterAreProcMonsDefaultsExceptDroppingFilteredEvents() throws IOException {
        PmcFile real = PmcFile.parse(RealPmcFilesTest.sample("procmon-parser/real-config.pmc"), "real-config.pmc");
        PmcFile ours = BuildCaptureConfig.of(4242, BUILD);
        assertEquals(real.records().stream().map(PmcRecord::name).toList(),
                ours.records().stream().map(PmcRecord::name).toList());
        for (PmcRecord r : ours.records()) {
            if (!List.of("Columns", "ColumnCount", "ColumnMap", PmcFile.FILTER_RULES).contains(r.name())) {
                assertEquals(real.record(r.name()).orElseThrow(), r, r.name());
            }
        }
        assertEquals(1, ours.record("DestructiveFilter").orElseThrow().asU32());
    }

    @Test
    void writtenConfigurationIsReadBackWithItsRules() {
        PmcFile written = BuildCaptureConfig.of(4242, BUILD);
        PmcFile read = PmcFile.parse(written.toBytes(), "capture.pmc");
        assertEquals(written, read);
        List<FilterRule> rules = read.filterRules("capture.pmc");
        assertEquals(26, rules.size());
        assertEquals(new FilterRule(Column.EVENT_CLASS.id(), Relation.IS, RuleAction.INCLUDE, "File System", 0), rules.get(0));
        assertEquals(new FilterRule(Column.EVENT_CLASS.id(), Relation.IS, RuleAction.INCLUDE, "Process", 0), rules.get(1));
        assertEquals(new FilterRule(Column.PID.id(), Relation.IS, RuleAction.EXCLUDE, "4242", 4242), rules.get(25));
        assertEquals(List.of(), read.highlightRules("capture.pmc"));
        assertEquals(7, read.record("ColumnCount").orElseThrow().asU32());
    }

    @Test
    void registryAndNetworkAreIncludedOnRequest() {
        List<FilterRule> rules = BuildCaptureConfig.rules(1, EnumSet.allOf(EventClass.class));
        assertEquals(List.of("File System", "Process", "Registry", "Network"),
                rules.stream().filter(r -> r.action() == RuleAction.INCLUDE).map(FilterRule::value).toList());
    }

    @Test
    void noRuleIncludesByPathOrProcessName() {
        for (FilterRule r : BuildCaptureConfig.rules(1, BUILD)) {
            if (r.action() == RuleAction.INCLUDE) {
                assertEquals(Column.EVENT_CLASS.id(), r.column(), r.toString());
            }
        }
    }
}
