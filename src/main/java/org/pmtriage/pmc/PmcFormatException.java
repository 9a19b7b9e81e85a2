package org.pmtriage.pmc;

/**
 * Bytes that are not a PMC file. The message is one line: {@code source:byte 0x1f: what was wrong};
 * the offset is also kept as data.
 */
public final class PmcFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long offset;

    /**
     * @param source the file as the user named it
     * @param offset the byte offset in the file where the fault lies
     * @param what   what was wrong
     */
    public PmcFormatException(String source, long offset, String what) {
        super(source + ":byte 0x" + Long.toHexString(offset) + ": " + what);
        this.offset = offset;
    }

    /** @return the byte offset in the file where the fault lies */
    public long offset() {
        return offset;
    }
}
