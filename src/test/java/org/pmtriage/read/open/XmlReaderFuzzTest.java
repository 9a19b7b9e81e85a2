package org.pmtriage.read.open;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of XML reading (prolog, process list, events, text bounds; through
 * {@link LogReaders}, so gzip and BOMs too) and the pass behind it. Without {@code JAZZER_FUZZ}
 * this runs the seeds in {@code XmlReaderFuzzTestInputs/xml/} once (CI).
 */
class XmlReaderFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void xml(byte[] data) {
        FuzzTarget.readAnalyzeReport(data, "fuzz.xml");
    }
}
