package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pmtriage.generator.BuildSimulation;
import org.pmtriage.generator.CaptureConfig;
import org.pmtriage.generator.CaptureLocale;
import org.pmtriage.generator.CsvCaptureWriter;

/** {@code convert --locale} and {@code --columns}. */
class ConvertOptionsTest {

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

    /**
     * A capture the generator exports in a locale (its times, and the numbers in its Details) comes
     * back byte for byte when converted in that locale: times re-written from the timeline, Details
     * passed through. ProcMon's real en-US and es-ES exports are the oracles of
     * {@link ConvertFidelityTest}; it-IT, ru-RU and ja-JP have only these.
     */
    @ParameterizedTest
    @EnumSource(CaptureLocale.class)
    void generatorExportsComeBackIdenticalInTheirLocale(CaptureLocale locale) throws IOException {
        CaptureConfig config = CaptureConfig.defaults(21).withJobs(6, 3).withLocale(locale);
        Path export = dir.resolve(locale.tag() + ".csv");
        try (OutputStream sink = Files.newOutputStream(export);
             CsvCaptureWriter w = new CsvCaptureWriter(sink, CsvCaptureWriter.Options.of(config))) {
            new BuildSimulation(config, false).forEachRemaining(e -> {
                try {
                    w.write(e);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        }
        Path converted = dir.resolve(locale.tag() + "-converted.csv");
        assertEquals(0, run(export.toString(), "--to", "csv", "--locale", locale.tag(), "-o", converted.toString()),
                err.toString());
        assertArrayEquals(Files.readAllBytes(export), Files.readAllBytes(converted), locale.tag());
    }

    @Test
    void columnsAreChosenInOrderWithProcmonsHeaders() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\",\"TID\"\r\n"
                + "\"13:12:21,8898394\",\"x.exe\",\"7\",\"ReadFile\",\"C:\\a\",\"SUCCESS\",\"Offset: 1.024\",\"9\"\r\n",
                StandardCharsets.UTF_8);
        assertEquals(0, run(in.toString(), "--to", "csv", "--locale", "it-IT", "--columns", "tid, Detail,time of day,Date & Time,Sequence"),
                err.toString());
        assertEquals("\uFEFF\"TID\",\"Detail\",\"Time of Day\",\"Date & Time\",\"Sequence\"\r\n"
                + "\"9\",\"Offset: 1.024\",\"13:12:21,8898394\",\"\",\"n/a\"\r\n", out.toString());
    }

    @Test
    void allColumnsGiveProcmonsTwentySevenHeaders() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n",
                StandardCharsets.UTF_8);
        assertEquals(0, run(in.toString(), "--to", "csv", "--columns", "all"), err.toString());
        assertEquals("\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\","
                + "\"Date & Time\",\"Relative Time\",\"Duration\",\"Completion Time\",\"Event Class\",\"Sequence\","
                + "\"Image Path\",\"Company\",\"Description\",\"Version\",\"User\",\"Authentication ID\",\"Session\","
                + "\"Command Line\",\"TID\",\"Virtualized\",\"Integrity\",\"Category\",\"Parent PID\",\"Architecture\"\r\n",
                out.toString());
    }

    @Test
    void unknownColumnOrLocaleIsAUsageError() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "\uFEFF\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"\r\n",
                StandardCharsets.UTF_8);
        assertEquals(ExitCode.USAGE, run(in.toString(), "--to", "csv", "--columns", "PID,Colour"));
        assertTrue(err.toString().contains("--columns: unknown column 'Colour' (known: Time of Day, Process Name, PID,"),
                err.toString());
        assertEquals(ExitCode.USAGE, run(in.toString(), "--to", "csv", "--locale", "de-DE"));
        assertTrue(err.toString().contains("unknown locale de-DE (known: en-US, es-ES, it-IT, ru-RU, ja-JP)"), err.toString());
        assertEquals("", out.toString());
    }
}
