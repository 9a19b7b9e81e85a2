package org.pmtriage.read.open;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of CSV reading (sniffing, BOMs, UTF-16, gzip, the scanner, the
 * reader) and of the analysis and reports behind it. Without {@code JAZZER_FUZZ} this runs the
 * seeds in {@code CsvReaderFuzzTestInputs/csv/} once (CI); with it, it fuzzes: see
 * {@code docs/robustness.md}.
 */
class CsvReaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void csv(byte[] data) {
        FuzzTarget.readAnalyzeReport(data, "fuzz.csv");
    }
}
