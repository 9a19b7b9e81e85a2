package org.pmtriage.read;

/**
 * Input that cannot be read as a ProcMon log. The message is one line meant for the user:
 * {@code source:position: what was wrong}, e.g. {@code build.csv:12: PID "abc" is not a number}.
 */
public class LogFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source   the file name as the user gave it
     * @param position where: a line ({@code 12}), line and column ({@code 12:7}), a byte offset
     *                 ({@code byte 0x1f40}), or empty when the whole input is at fault
     * @param what     what was wrong
     */
    public LogFormatException(String source, String position, String what) {
        super(position.isEmpty() ? source + ": " + what : source + ":" + position + ": " + what);
    }

    /**
     * @param source   as above
     * @param position as above
     * @param what     as above
     * @param cause    the underlying error (kept for {@code --debug})
     */
    public LogFormatException(String source, String position, String what, Throwable cause) {
        this(source, position, what);
        initCause(cause);
    }
}
