package org.pmtriage.read;

/**
 * Input that cannot be read as a ProcMon log. The message is one line meant for the user, control
 * characters shown as {@code ?}:
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
        super(printable(position.isEmpty() ? source + ": " + what : source + ":" + position + ": " + what));
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

    /**
     * @return {@code text} with control characters shown as {@code ?}: what a parser quotes from a
     *         hostile log must not break the line or drive the terminal
     */
    public static String printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                text.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
                return out.toString();
            }
        }
        return text;
    }
}
