package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A capture we wrote by hand in ProcMon's exact CSV export style (BOM, every field quoted, CRLF,
 * en-US 12-hour times, Details as ProcMon words them, the Process Start environment joined with
 * bare CRs), modelled on the real build captures: python.exe opens a generated .cpp for writing,
 * spawns cmd.exe 19.1 ms later, cmd.exe runs cl.exe, which is refused the file, and the file's
 * CloseFile comes from cmd.exe as it exits, never from python.exe. It is in every clone, so the
 * inherited-handle path is tested on real-shaped input even without {@code ../shared}, and it
 * comes from outside the generator and its model of ProcMon.
 */
class HandWrittenCaptureTest {

    private static final String CPP = "C:\\build\\src\\gen\\version.cpp";

    @Test
    void theHandleLeakedIntoCmdIsFound() throws IOException, URISyntaxException {
        Path capture = Path.of(HandWrittenCaptureTest.class.getResource("/captures/scons-inherited-handle.csv").toURI());
        CliRun run = CliRun.of("analyze", "--format", "json", "--fail-on", "none", capture.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(32, doc.at("/input/events").asInt());
        assertEquals(3, doc.at("/input/processes").asInt());
        assertEquals(0, doc.at("/input/skippedRecords").asInt());
        assertEquals(0, doc.at("/input/unmatchedCloses").asInt());
        assertEquals(1, doc.at("/summary/inherited-handle").asInt());
        assertEquals(1, doc.at("/summary/spawn-race").asInt());
        assertEquals(1, doc.at("/summary/sharing-violation").asInt());
        assertEquals(0, doc.at("/summary/open-at-end").asInt());

        JsonNode leak = finding(doc, "inherited-handle");
        assertEquals(CPP, leak.get("path").asText());
        assertEquals("leaked", leak.get("verdict").asText());
        assertEquals("python.exe", leak.at("/opener/name").asText());
        assertEquals(4312, leak.at("/opener/pid").asInt());
        assertEquals("15:41:07.1312378", leak.get("openedAt").asText());
        assertEquals("cmd.exe", leak.at("/closer/name").asText());
        assertEquals(5120, leak.at("/closer/pid").asInt());
        assertEquals("15:41:07.2035617", leak.get("closedAt").asText());
        assertEquals(19.1, leak.get("spawnGapMs").asDouble());
        assertEquals(1, leak.get("chain").size(), "python.exe -> cmd.exe");
        assertEquals(0, leak.get("usedBy").size(), "nobody but the opener wrote it");

        JsonNode refused = finding(doc, "sharing-violation");
        assertEquals("cl.exe", refused.at("/victim/name").asText());
        assertEquals(4312, refused.at("/holders/0/opener/pid").asInt());
        assertEquals(true, refused.get("explained").asBoolean());
        assertEquals(true, finding(doc, "spawn-race").get("confirmed").asBoolean());
    }

    private static JsonNode finding(JsonNode doc, String kind) {
        for (JsonNode f : doc.get("findings")) {
            if (f.get("kind").asText().equals(kind)) {
                return f;
            }
        }
        throw new AssertionError("no " + kind + " finding in " + doc.get("findings"));
    }
}
