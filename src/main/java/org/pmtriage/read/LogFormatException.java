package org.pmtriage.read;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Input that cannot be read as a ProcMon log. The message is one line meant for the user, control
 * characters shown as {@code ?}:
 * {@code source:position: what was wrong}, e.g. {@code build.csv:12: PID "abc" is not a number}.
 * The same parts are data for a program: {@link #source()}, {@link #position()} (and from it
 * {@link #line()}, {@link #column()} or {@link #byteOffset()}) and {@link #reason()}.
 */
public class LogFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final String BYTE = "byte ";

    private final String source;
    private final String position;
    private final String reason;

    /**
     * @param source   the file name as the user gave it
     * @param position where: a line ({@code 12}), line and column ({@code 12:7}), a byte offset
     *                 ({@code byte 0x1f40} or {@code byte 8000}), or empty when the whole input is at fault
     * @param what     what was wrong
     */
    public LogFormatException(String source, String position, String what) {
        super(printable(position.isEmpty() ? source + ": " + what : source + ":" + position + ": " + what));
        this.source = source;
        this.position = position;
        this.reason = what;
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

    /** @return the file name as the user gave it, as given (the message shows it printable) */
    public String source() {
        return source;
    }

    /**
     * @return where, as given: {@code 12}, {@code 12:7}, {@code byte 0x1f40}, {@code byte 8000}, or
     *         empty when the whole input is at fault
     */
    public String position() {
        return position;
    }

    /** @return what was wrong, as given (the message shows it printable) */
    public String reason() {
        return reason;
    }

    /** @return the 1-based line at fault, when the position names one ({@code 12} or {@code 12:7}) */
    public OptionalLong line() {
        return lineAndColumn(0);
    }

    /** @return the 1-based column at fault, when the position names one ({@code 12:7}) */
    public OptionalLong column() {
        return lineAndColumn(1);
    }

    /** @return the offset of the byte at fault from the file's start, when the position is one ({@code byte ...}) */
    public OptionalLong byteOffset() {
        if (!position.startsWith(BYTE)) {
            return OptionalLong.empty();
        }
        String number = position.substring(BYTE.length());
        return number.startsWith("0x") ? parse(number.substring(2), 16) : parse(number, 10);
    }

    private OptionalLong lineAndColumn(int part) {
        String[] parts = position.split(":", -1);
        if (parts.length > 2 || part >= parts.length || Arrays.stream(parts).anyMatch(p -> parse(p, 10).isEmpty())) {
            return OptionalLong.empty();
        }
        return parse(parts[part], 10);
    }

    private static OptionalLong parse(String digits, int radix) {
        if (digits.isEmpty() || digits.charAt(0) == '-' || digits.charAt(0) == '+') {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(digits, radix));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
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
