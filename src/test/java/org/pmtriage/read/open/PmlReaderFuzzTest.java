package org.pmtriage.read.open;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of PML reading (header, tables, events, details; through the stream
 * path that also serves {@code .pml.gz} and standard input) and the pass behind it. The input's
 * first four bytes are always {@code PML_}, so that every input reaches the PML reader. Without
 * {@code JAZZER_FUZZ} this runs the seeds in {@code PmlReaderFuzzTestInputs/pml/} once (CI).
 */
class PmlReaderFuzzTest {

    private static final byte[] SIGNATURE = "PML_".getBytes(StandardCharsets.US_ASCII);

    @FuzzTest(maxDuration = "5m")
    void pml(byte[] data) {
        byte[] pml = data.length < SIGNATURE.length ? SIGNATURE : data.clone();
        System.arraycopy(SIGNATURE, 0, pml, 0, SIGNATURE.length);
        FuzzTarget.readAnalyzeReport(pml, "fuzz.pml");
    }
}
