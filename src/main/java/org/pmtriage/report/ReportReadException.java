package org.pmtriage.report;

import org.pmtriage.read.LogFormatException;

/**
 * A JSON report that cannot be read back, with where: an input that is not what it should be, like
 * a log that is not one, so it reaches the user the same way ({@code file:line: what}, exit 3).
 */
public final class ReportReadException extends LogFormatException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file the report as the user named it
     * @param line its line (from 1), or 0 when unknown
     * @param what what was wrong
     */
    public ReportReadException(String file, long line, String what) {
        super(file, line > 0 ? Long.toString(line) : "", what);
    }
}
