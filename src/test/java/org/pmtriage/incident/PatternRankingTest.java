package org.pmtriage.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.analysis.Severity;

class PatternRankingTest {

    private static final PatternKey LEAK = new PatternKey("inherited-handle", "leaked", "python.exe",
            List.of("cmd.exe"), "gen\\*.cpp");
    private static final PatternKey NOISE = new PatternKey("open-at-end", "open", "SearchIndexer.exe", List.of(),
            "logs\\*.edb");
    private static final PatternKey SCAN = new PatternKey("sharing-violation", "explained", "cl.exe", List.of(),
            "obj\\*.obj");

    @Test
    void severityThenFailingLogsThenLogsRank() {
        PatternRanking ranking = new PatternRanking();
        for (int i = 0; i < 5; i++) {
            ranking.add(new LogPatterns("log" + i + ".csv", i < 3 ? "error" : "info", List.of(
                    new LogPatterns.Tally(NOISE, Severity.INFO, 4, 0),
                    new LogPatterns.Tally(SCAN, Severity.ERROR, 1, 0))));
        }
        ranking.add(new LogPatterns("a.csv", "error", List.of(new LogPatterns.Tally(LEAK, Severity.ERROR, 2, 2))));
        ranking.add(new LogPatterns("b.csv", "error", List.of(new LogPatterns.Tally(
                new PatternKey("Inherited-Handle", "leaked", "Python.EXE", List.of("CMD.exe"), "GEN\\*.CPP"),
                Severity.ERROR, 3, 1))));
        ranking.add(new LogPatterns("c.csv", "unreadable", List.of()));
        List<PatternRanking.Ranked> ranked = ranking.ranked();
        assertEquals(List.of(LEAK, SCAN, NOISE), ranked.stream().map(PatternRanking.Ranked::key).toList(),
                "the leak made processes fail in 2 logs; the scan violation is in more logs but failed none");
        assertEquals(List.of("a.csv", "b.csv"), ranked.get(0).logs(), "keys match without case");
        assertEquals(2, ranked.get(0).failingLogs());
        assertEquals(5, ranked.get(0).incidents());
        assertEquals(3, ranked.get(0).failures());
        assertEquals(5, ranked.get(2).logs().size());
        assertEquals(20, ranked.get(2).incidents());
    }
}
