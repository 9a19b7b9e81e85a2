package org.pmtriage.report;

/**
 * A JSON report that cannot be read back, with where.
 */
public final class ReportReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file the report as the user named it
     * @param line its line (from 1), or 0 when unknown
     * @param what what was wrong
     */
    public ReportReadException(String file, long line, String what) {
        super(file + (line > 0 ? ":" + line : "") + ": " + what);
        this.file = file;
        this.line = line;
    }

    /** @return the report as the user named it */
    public String file() {
        return file;
    }

    /** @return the line (from 1), or 0 when unknown */
    public long line() {
        return line;
    }
}
