package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.SharedSamples;

class ConvertCommandTest {

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "convert";
        System.arraycopy(args, 0, all, 1, args.length);
        return Main.run(all, new PrintWriter(out), new PrintWriter(err));
    }

    private Path csv(String... rows) throws IOException {
        Path file = dir.resolve("in.csv");
        StringBuilder sb = new StringBuilder("\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n");
        for (String row : rows) {
            sb.append(row).append("\r\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void writesProcmonsOwnCsv() throws IOException {
        Path in = csv("\"0:05:01.0000001\",\"cmd.exe\",\"12\",\"CreateFile\",\"C:\\a \"\"b\"\".txt\",\"SUCCESS\",\"Desired Access: Read\"",
                "\"13:12:21,8898394\",\"x.exe\",\"7\",\"CloseFile\",\"C:\\a\",\"SUCCESS\",\"\"");
        Path target = dir.resolve("out.csv");
        assertEquals(0, run(in.toString(), "--to", "csv", "--output", target.toString()), err.toString());
        assertEquals("\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n"
                + "\"12:05:01.0000001 AM\",\"cmd.exe\",\"12\",\"CreateFile\",\"C:\\a \"\"b\"\".txt\",\"SUCCESS\",\"Desired Access: Read\"\r\n"
                + "\"1:12:21.8898394 PM\",\"x.exe\",\"7\",\"CloseFile\",\"C:\\a\",\"SUCCESS\",\"\"\r\n",
                Files.readString(target, StandardCharsets.UTF_8));
        assertEquals("", out.toString());
        Path plain = dir.resolve("plain.txt");
        Files.writeString(plain, "");
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            // the output gets the permissions any new file gets, not a temporary file's owner-only ones
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
        }
    }

    @Test
    void writesJsonLinesToStandardOutput() throws IOException {
        Path in = csv("\"7:37:18.2093997 AM\",\"cmd.exe\",\"12\",\"Process Create\",\"C:\\x.exe\",\"SUCCESS\",\"PID: 13, Command line: x\"");
        assertEquals(0, run(in.toString(), "--to", "jsonl"), err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(1, lines.length);
        JsonNode e = new ObjectMapper().readTree(lines[0]);
        assertEquals("07:37:18.2093997", e.get("timeOfDay").asText());
        assertEquals(12, e.get("pid").asInt());
        assertEquals("Process Create", e.get("operation").asText());
        assertEquals("PID: 13, Command line: x", e.get("detail").asText());
        assertEquals(-1, e.get("processIndex").asInt());
    }

    @Test
    void pmlConvertsToTheCsvProcMonExportedByteForByte() throws IOException {
        // every operation of this capture is one whose Detail the reader decodes, and ProcMon's
        // export has the default seven columns first: they must be identical, byte for byte
        Path pml = SharedSamples.require("procmon-parser/win10x64-process.pml");
        Path exported = SharedSamples.require("procmon-parser/win10x64-process.csv");
        Path target = dir.resolve("process.csv");
        assertEquals(0, run(pml.toString(), "--to", "csv", "-o", target.toString()), err.toString());
        String[] ours = Files.readString(target, StandardCharsets.UTF_8).split("\r\n", -1);
        String[] theirs = Files.readString(exported, StandardCharsets.UTF_8).split("\r\n", -1);
        assertEquals(theirs.length, ours.length);
        assertEquals(3402, ours.length);
        for (int i = 0; i < ours.length; i++) {
            assertEquals(firstSevenFields(theirs[i]), ours[i], "line " + (i + 1));
        }
    }

    /** @return the first seven quoted fields of a ProcMon CSV record, as written */
    private static String firstSevenFields(String record) {
        int fields = 0;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted && ++fields == 7) {
                return record.substring(0, i);
            }
        }
        return record;
    }

    @Test
    void failedConversionLeavesTheEarlierOutputUntouched() throws IOException {
        Path in = csv("\"7:37:18.2093997 AM\",\"cmd.exe\",\"12\",\"CloseFile\",\"C:\\a\",\"SUCCESS\",\"\"",
                "\"7:37:18.2093997 AM\",\"cmd.exe\",\"twelve\",\"CloseFile\",\"C:\\a\",\"SUCCESS\",\"\"");
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "earlier");
        assertEquals(3, run(in.toString(), "--to", "jsonl", "--strict", "--output", target.toString()));
        assertEquals("pmtriage convert: " + in + ":3: PID \"twelve\" is not a number\n", err.toString());
        assertEquals("earlier", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("in.csv", "out.jsonl"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void unsupportedPmlVersionExitsThreeWithOneLine() {
        Path v7 = SharedSamples.require("noriben/Noriben_09_Apr_13__20_16_13_368000.pml");
        assertEquals(3, run(v7.toString(), "--to", "csv"));
        assertEquals("pmtriage convert: " + v7 + ":byte 0x4: PML format version 7 is not supported (only version 9, "
                + "written by ProcMon 3.40 and later); open it in a current ProcMon and save it again\n", err.toString());
    }

    @Test
    void missingOrUnknownFormatIsAUsageError() throws IOException {
        Path in = csv();
        assertEquals(2, run(in.toString()));
        assertEquals(2, run(in.toString(), "--to", "xml"));
        List<String> lines = new ArrayList<>(List.of(err.toString().split("\n")));
        assertTrue(lines.get(0).contains("--to"), lines.get(0));
    }
}
