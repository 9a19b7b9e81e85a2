package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * README.md's JSON excerpt shows the bundled sample's {@code summary} as a whole object (the rest
 * of the document is cut with "..."): every field it shows has the value {@code analyze --format json} gives.
 */
class ReadmeJsonExampleTest {

    private static final String SUMMARY = "\"summary\": {";

    @Test
    void theSummaryShownIsWhatTheToolPrints() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int json = readme.indexOf("\n## JSON\n");
        assertTrue(json >= 0, "README.md has no \"## JSON\" section");
        int start = readme.indexOf(SUMMARY, json);
        assertTrue(start >= 0, "README.md's JSON excerpt has no summary");
        JsonNode shown = new ObjectMapper().readTree(readme.substring(start + SUMMARY.length() - 1, end(readme, start)));

        CliRun run = CliRun.of("analyze", "--format", "json", "--fail-on", "none", "samples/flaky-build.csv");
        assertEquals(0, run.code(), run.err());
        JsonNode summary = new ObjectMapper().readTree(run.out()).get("summary");
        assertTrue(shown.size() > 5, shown.toString());
        for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            assertEquals(field.getValue(), summary.get(field.getKey()),
                    "README.md's JSON excerpt shows summary." + field.getKey() + " = " + field.getValue()
                            + "; the tool prints " + summary);
        }
    }

    /** @return the index just past the brace that closes the object opened in {@code text} after {@code from} */
    private static int end(String text, int from) {
        int depth = 0;
        for (int i = text.indexOf('{', from); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        throw new AssertionError("README.md's JSON summary is not closed");
    }
}
