package org.pmtriage.read;

import java.util.Arrays;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;

/**
 * A CSV record handler that makes strings only of the columns the reader uses: an export with all
 * 27 columns pays for about half of them. Until {@link #pick} is called (the header) it keeps
 * every field. The returned array is reused for the next record, and holds stale values past the
 * current record's field count.
 */
final class PickedColumns extends AbstractBaseCsvCallbackHandler<String[]> {

    private static final int MAX_COLUMNS = 1024;

    private boolean[] wanted;
    private String[] fields = new String[32];

    /** Keeps only the columns whose flag is set from now on. */
    void pick(boolean[] columns) {
        this.wanted = columns.clone();
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        if (fieldIdx >= MAX_COLUMNS) {
            return;
        }
        if (fieldIdx >= fields.length) {
            fields = Arrays.copyOf(fields, Math.max(fields.length * 2, fieldIdx + 1));
        }
        if (wanted == null || fieldIdx < wanted.length && wanted[fieldIdx]) {
            fields[fieldIdx] = new String(buf, offset, len);
        }
    }

    @Override
    protected String[] buildRecord() {
        return fields;
    }

    /** @return the line the current record starts on */
    long line() {
        return getStartingLineNumber();
    }

    /** @return the number of fields of the current record */
    int fieldCount() {
        return getFieldCount();
    }

    /** @return whether the current record is an empty line */
    boolean empty() {
        return getRecordType() == RecordType.EMPTY;
    }
}
