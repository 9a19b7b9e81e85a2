package org.pmtriage.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pmtriage.event.Event;

class CsvCaptureWriterTest {

    @TempDir
    Path dir;

    private static byte[] csv(CaptureConfig config, CsvCaptureWriter.Options options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerateCapture.writeCsv(config, options, 0, out);
        return out.toByteArray();
    }

    @Test
    void recordsAreQuotedWithBomAndCrlf() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(2);
        String text = new String(csv(config, CsvCaptureWriter.Options.of(config)), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n\""));
        assertTrue(text.endsWith("\"\r\n"));
        assertTrue(text.contains("/D\"\"BUILD_TAG=\\\"\"ci,nightly\\\"\"\"\""), "doubled quotes");
        assertTrue(text.contains("\"Offset: 0, Length: 4,096, Priority: Normal\""), "grouped numbers");
    }

    @Test
    void processStartEnvironmentKeepsItsBareCrInsideTheQuotedField() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(2);
        String text = new String(csv(config, CsvCaptureWriter.Options.of(config).withEncoding(false, false)),
                StandardCharsets.UTF_8);
        assertTrue(text.contains("Environment: \r;\t=::=::\\\r;\tALLUSERSPROFILE=C:\\ProgramData\r;\t"));
        assertFalse(text.contains("\r\n"), "LF-only records");
        Path file = dir.resolve("lf.csv");
        Files.writeString(file, text);
        List<Event> back = CsvRoundTripTest.read(file);
        Event start = back.stream().filter(e -> e.operationName().equals("Process Start")).findFirst().orElseThrow();
        assertTrue(start.detail().contains("\r;\tUSERNAME=ci\r;\t"), start.detail());
        List<Event> simulated = CsvRoundTripTest.simulate(config);
        assertEquals(simulated.size(), back.size());
    }

    @Test
    void columnSubsetsInAnyOrderReadBack() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(9).withLocale(CaptureLocale.JA_JP);
        List<CaptureColumn> columns = CaptureColumn.parseSet("Operation;PID;Result;Time of Day;Path;Process Name;TID");
        Path file = dir.resolve("subset.csv");
        Files.write(file, csv(config, CsvCaptureWriter.Options.of(config).withColumns(columns)));
        List<Event> simulated = CsvRoundTripTest.simulate(config);
        List<Event> back = CsvRoundTripTest.read(file);
        assertEquals(simulated.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(simulated.get(i).time(), back.get(i).time());
            assertEquals(simulated.get(i).tid(), back.get(i).tid());
            assertEquals(simulated.get(i).path(), back.get(i).path());
            assertEquals("", back.get(i).detail());
        }
    }

    @Test
    void gzipReadsBack() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(3).withLocale(CaptureLocale.IT_IT);
        Path file = dir.resolve("c.csv.gz");
        Files.write(file, csv(config, CsvCaptureWriter.Options.of(config).withEncoding(true, true)));
        assertEquals(CsvRoundTripTest.simulate(config).size(), CsvRoundTripTest.read(file).size());
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        CaptureConfig config = CaptureConfig.defaults(31).withPidReuse(true);
        CsvCaptureWriter.Options options = CsvCaptureWriter.Options.of(config).withColumns(CaptureColumn.ALL_ALTERNATE);
        byte[] first = csv(config, options);
        assertArrayEquals(first, csv(config, options));
        assertFalse(Arrays.equals(first, csv(config.withSeed(32), options)));
    }
}
