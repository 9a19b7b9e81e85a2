package org.pmtriage.read.internal;

import org.pmtriage.event.Printable;
import org.pmtriage.read.BadRecordPolicy;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;

/**
 * The one input-error policy every reader follows: under {@link BadRecordPolicy#SKIP} a bad record
 * is counted and the first {@link ReadOptions#NAMED_SKIPS} are named in warnings; under
 * {@link BadRecordPolicy#FAIL} the first one ends the read with a {@link LogFormatException}.
 */
public final class BadRecords {

    private final ReadOptions options;
    private long skipped;

    /** @param options the policy and where warnings go */
    public BadRecords(ReadOptions options) {
        this.options = options;
    }

    /**
     * Deals with one bad record.
     *
     * @param source   the file name for messages
     * @param position where the record is (line, line:column or byte offset)
     * @param what     what is wrong with it
     * @param cause    the underlying error, or null
     * @throws LogFormatException under {@link BadRecordPolicy#FAIL}
     */
    public void skip(String source, String position, String what, Throwable cause) {
        if (options.policy() == BadRecordPolicy.FAIL) {
            LogFormatException e = new LogFormatException(source, position, what);
            if (cause != null) {
                e.initCause(cause);
            }
            throw e;
        }
        skipped++;
        if (skipped <= ReadOptions.NAMED_SKIPS) {
            options.warnings().accept(Printable.of(source + ":" + position + ": skipped: " + what));
        }
    }

    /** @return how many records were skipped so far */
    public long count() {
        return skipped;
    }
}
