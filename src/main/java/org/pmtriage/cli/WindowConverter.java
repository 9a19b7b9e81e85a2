package org.pmtriage.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pmtriage.event.Timeline;
import picocli.CommandLine;

/**
 * Reads a duration such as {@code 50ms}, {@code 1s}, {@code 0.5s} or {@code 200us}, to the timeline's
 * 100-ns tick. The unit is required: a bare {@code 5} could mean seconds as well as milliseconds.
 */
final class WindowConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|us)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Duration convert(String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration with its unit,"
                    + " such as 50ms, 1s or 200us");
        }
        double amount = Double.parseDouble(m.group(1));
        double ticks = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "s" -> amount * Timeline.TICKS_PER_SECOND;
            case "us" -> amount * 10;
            default -> amount * Timeline.TICKS_PER_MILLI;
        };
        if (ticks > 3600.0 * Timeline.TICKS_PER_SECOND) {
            throw new CommandLine.TypeConversionException("'" + value + "' is longer than an hour");
        }
        return Timeline.duration(Math.round(ticks));
    }
}
