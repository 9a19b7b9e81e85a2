package org.pmtriage.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pmtriage.event.Timeline;
import picocli.CommandLine;

/** Reads a duration such as {@code 50ms}, {@code 1s}, {@code 0.5s} or {@code 20} (milliseconds) into timeline ticks. */
final class WindowConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|us)?");

    @Override
    public Long convert(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 50ms or 1s");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "ms" : m.group(2);
        double ticks = switch (unit) {
            case "s" -> amount * Timeline.TICKS_PER_SECOND;
            case "us" -> amount * 10;
            default -> amount * Timeline.TICKS_PER_MILLI;
        };
        if (ticks > 3600.0 * Timeline.TICKS_PER_SECOND) {
            throw new CommandLine.TypeConversionException("'" + value + "' is longer than an hour");
        }
        return Math.round(ticks);
    }
}
