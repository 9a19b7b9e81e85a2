package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code convert} against ProcMon's own CSV export of the same PML, row by row, on the seven
 * version-9 pairs in {@code ../shared/samples-public}: the seven default columns identical on at
 * least 99.5% of the rows, and every column the export has on at least 98%. Each pair is
 * converted with the export's own columns, in its order, its locale and its machine's zone. The
 * figures are written to {@code target/convert-fidelity/} ({@code docs/convert.md} quotes them).
 * Skipped (not failed) when {@code ../shared} is absent.
 */
class ConvertFidelityTest {

    private static final Path SAMPLES = Path.of("..", "shared", "samples-public");
    private static final List<String> DEFAULT_COLUMNS = List.of("Time of Day", "Process Name", "PID", "Operation",
            "Path", "Result", "Detail");
    private static final double DEFAULT_ROWS_THRESHOLD = 0.995;
    private static final double COLUMN_THRESHOLD = 0.98;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "procmon-parser/win10x64-process.pml, procmon-parser/win10x64-process.csv, en-US, UTC",
        "procmon-parser/win7x86-mixed.pml, procmon-parser/win7x86-mixed.csv, en-US, UTC",
        "procmon-parser/LogFileUTC32Filesystem.PML.gz, procmon-parser/LogFileUTC32Filesystem.csv.gz, en-US, UTC",
        "procmon-parser/LogFileUTC64Filesystem.PML.gz, procmon-parser/LogFileUTC64Filesystem.csv.gz, en-US, UTC",
        "procmon-parser/LogFileUTC64Registry.PML.gz, procmon-parser/LogFileUTC64Registry.csv.gz, en-US, UTC",
        "procmon-parser/LogfileTests64bitUTC.PML.gz, procmon-parser/LogfileTests64bitUTC.csv.gz, en-US, UTC",
        "prsp0007-samples/Logfile.PML, prsp0007-samples/Logfile.CSV, es-ES, Europe/Madrid"})
    void convertMatchesProcmonsOwnExport(String pml, String export, String locale, String zone) throws IOException {
        Path log = SAMPLES.resolve(pml);
        Path oracle = SAMPLES.resolve(export);
        Assumptions.assumeTrue(Files.isRegularFile(log) && Files.isRegularFile(oracle), "needs ../shared: " + pml);
        List<String> header = header(oracle);
        Path ours = dir.resolve("ours.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"convert", log.toString(), "--to", "csv", "--locale", locale, "--time-zone",
            zone, "--columns", String.join(",", header), "--output", ours.toString(), "--quiet"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());

        Fidelity f = compare(oracle, ours, header);
        write(pml, f);
        assertTrue(f.defaultRowsShare() >= DEFAULT_ROWS_THRESHOLD, pml + ": the 7 default columns identical on "
                + percent(f.defaultRowsShare()) + " of rows, below 99.5%; " + f.describe());
        for (int c = 0; c < header.size(); c++) {
            assertTrue(f.columnShare(c) >= COLUMN_THRESHOLD, pml + ": " + header.get(c) + " identical on "
                    + percent(f.columnShare(c)) + " of rows, below 98%; " + f.describe());
        }
    }

    /** Row counts, rows whose seven default columns all agree, and agreeing rows per column. */
    private record Fidelity(List<String> header, long rows, long defaultRows, long[] sameByColumn) {

        double defaultRowsShare() {
            return rows == 0 ? 0 : (double) defaultRows / rows;
        }

        double columnShare(int c) {
            return rows == 0 ? 0 : (double) sameByColumn[c] / rows;
        }

        String describe() {
            StringBuilder sb = new StringBuilder().append(rows).append(" rows; default columns on all: ")
                    .append(defaultRows).append(" (").append(percent(defaultRowsShare())).append(")");
            for (int c = 0; c < header.size(); c++) {
                sb.append("; ").append(header.get(c)).append(": ").append(rows - sameByColumn[c]).append(" differ (")
                        .append(percent(columnShare(c))).append(" same)");
            }
            return sb.toString();
        }
    }

    private static Fidelity compare(Path oracle, Path ours, List<String> header) throws IOException {
        List<Integer> defaults = new ArrayList<>();
        for (String name : DEFAULT_COLUMNS) {
            int at = header.indexOf(name);
            if (at >= 0) {
                defaults.add(at);
            }
        }
        assertEquals(DEFAULT_COLUMNS.size(), defaults.size(), "the export has the 7 default columns");
        long[] same = new long[header.size()];
        long rows = 0;
        long defaultRows = 0;
        try (CSVParser expected = parser(oracle); CSVParser actual = parser(ours)) {
            Iterator<CSVRecord> e = expected.iterator();
            Iterator<CSVRecord> a = actual.iterator();
            assertEquals(e.next().toList(), a.next().toList(), "header");
            while (e.hasNext()) {
                assertTrue(a.hasNext(), "convert wrote fewer rows than the export's " + (rows + 1));
                CSVRecord x = e.next();
                CSVRecord y = a.next();
                rows++;
                boolean allDefault = true;
                for (int c = 0; c < header.size(); c++) {
                    boolean equal = x.get(c).equals(y.get(c));
                    same[c] += equal ? 1 : 0;
                    allDefault &= equal || !defaults.contains(c);
                }
                defaultRows += allDefault ? 1 : 0;
            }
            assertTrue(!a.hasNext(), "convert wrote more rows than the export's " + rows);
        }
        return new Fidelity(header, rows, defaultRows, same);
    }

    private static List<String> header(Path csv) throws IOException {
        try (CSVParser p = parser(csv)) {
            return p.iterator().next().toList();
        }
    }

    private static CSVParser parser(Path csv) throws IOException {
        InputStream in = Files.newInputStream(csv);
        if (csv.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        if (reader.read() != '\uFEFF') {
            throw new IOException(csv + " has no byte-order mark");
        }
        return CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT).get();
    }

    /** Writes the figures of one pair to {@code target/convert-fidelity/}, for the docs. */
    private static void write(String pml, Fidelity f) throws IOException {
        Path folder = Path.of("target", "convert-fidelity");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(pml.replace('/', '_') + ".txt"), pml + ": " + f.describe() + "\n",
                StandardCharsets.UTF_8);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
