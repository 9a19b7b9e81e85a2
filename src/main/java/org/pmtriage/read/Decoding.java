package org.pmtriage.read;

/** Which fields a reader decodes into strings. */
public enum Decoding {
    /** Every field of every event, as the log has it (conversion, tests). */
    FULL,
    /**
     * What the analysis and its reports use: Path only for file and process operations, Detail only
     * for CreateFile and process events; other events keep those fields empty. Readers may decode
     * more.
     */
    ANALYSIS
}
