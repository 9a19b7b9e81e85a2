package org.pmtriage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.read.LogFormatException;

/** The API's analyses and verdicts, as a build tool sees them. */
class BatchAnalysisTest {

    private static final String FLAKY = "samples/flaky-build.csv";
    private static final String REDIRECT = "samples/redirect-ok.csv";

    @Test
    void oneLogsModel() {
        LogAnalysis analysis = LogAnalysis.of(FLAKY, AnalysisOptions.defaults());

        assertEquals("csv", analysis.format());
        assertEquals("error", analysis.status());
        assertEquals(1437, analysis.summary().events());
        assertEquals(3, analysis.errorFindings());
        assertEquals(List.of("i1", "i2"), analysis.incidents().stream().map(i -> i.id()).toList());
        assertEquals(List.of("no-tids"), analysis.health().stream().map(h -> h.id()).toList());
        assertTrue(analysis.fails(FailPolicy.DEFAULT));
        assertFalse(analysis.fails(FailPolicy.parse(List.of("none"))));
        assertTrue(analysis.fails(FailPolicy.parse(List.of("spawn-race"))));
    }

    @Test
    void verdictsByPolicyAndUnreadableLogs(@TempDir Path dir) throws InterruptedException {
        BatchAnalysis both = BatchAnalysis.of(List.of(FLAKY, REDIRECT), AnalysisOptions.defaults(), 2);
        assertEquals(2, both.analyses().size());
        assertEquals(Verdict.FINDINGS, both.verdict(FailPolicy.DEFAULT));
        assertEquals(Verdict.CLEAN, both.verdict(FailPolicy.parse(List.of("none"))));

        String missing = dir.resolve("missing.csv").toString();
        BatchAnalysis withMissing = BatchAnalysis.of(List.of(REDIRECT, missing), AnalysisOptions.defaults(), 2);
        assertEquals(Verdict.UNREADABLE, withMissing.verdict(FailPolicy.parse(List.of("none"))));
        UnreadableLog unreadable = withMissing.unreadable().get(0);
        assertEquals(missing + ": no such file", unreadable.message());
        assertTrue(unreadable.cause() instanceof LogFormatException, String.valueOf(unreadable.cause()));
        assertEquals(List.of(REDIRECT), withMissing.analyses().stream().map(LogAnalysis::log).toList());
    }

    @Test
    void severalLogsAreOneJsonDocumentWithTheUnreadableInPlace(@TempDir Path dir)
            throws InterruptedException, IOException {
        String missing = dir.resolve("missing.csv").toString();
        BatchAnalysis batch = BatchAnalysis.of(List.of(FLAKY, missing, REDIRECT), AnalysisOptions.defaults(), 1);
        StringWriter out = new StringWriter();

        batch.write(ReportFormat.JSON, ReportScope.DEFAULT, out);

        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("error", "unreadable", "info"),
                doc.get("logs").findValues("status").stream().map(JsonNode::asText).toList());
        assertEquals(3, doc.get("total").get("logs").asInt());
    }

    @Test
    void anUnknownPolicyValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FailPolicy.parse(List.of("error", "leak")));
        assertTrue(e.getMessage().startsWith("'leak' is none of error, warning, info, none"), e.getMessage());
    }
}
