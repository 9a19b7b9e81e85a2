package org.pmtriage.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** docs/diagnosis.md's remedy table is the data file's content, row for row: no drift. */
class DiagnosisDocTest {

    static final String START = "<!-- remedies table: generated from remedies.json, checked by DiagnosisDocTest -->\n";
    static final String END = "<!-- end of remedies table -->\n";

    /** @return the table as the data file gives it */
    static String table(Remedies remedies) {
        StringBuilder sb = new StringBuilder("| entry | runtimes | versions | shapes | cause and fix | sources |\n"
                + "|---|---|---|---|---|---|\n");
        for (Remedy r : remedies.entries()) {
            sb.append("| `").append(r.id()).append("` | ").append(String.join(", ", r.runtimes())).append(" | ")
                    .append(r.versions().text()).append(" | ")
                    .append(String.join(", ", r.shapes().stream().map(FindingShape::id).toList())).append(" | ")
                    .append(r.text().replace("|", "\\|")).append(" | ").append(r.sourcesText().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void theRemedyTableIsTheDataFile() throws IOException {
        String doc = Files.readString(Path.of("docs", "diagnosis.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertTrue(start >= 0 && end > start, "docs/diagnosis.md has no remedies table between its markers");
        assertEquals(table(Remedies.bundled()), doc.substring(start + START.length(), end),
                "docs/diagnosis.md's remedies table differs from remedies.json: replace it with the expected one");
    }
}
