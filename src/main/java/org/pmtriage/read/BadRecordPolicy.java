package org.pmtriage.read;

/** What a reader does with a record it cannot parse. */
public enum BadRecordPolicy {
    /** Skip the record, count it and warn about the first few (the default). */
    SKIP,
    /** Stop at the first bad record with a {@link LogFormatException} ({@code --strict}). */
    FAIL
}
