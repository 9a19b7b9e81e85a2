package org.pmtriage.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** Reads a size such as {@code 4g}, {@code 512m}, {@code 64k} (binary units) or {@code 1000} (bytes). */
final class SizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([kmgt]?)i?b?");

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a size such as 512m or 8g");
        }
        int shift = "kmgt".indexOf(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0)) * 10 + 10;
        long amount = Long.parseLong(m.group(1));
        if (m.group(2).isEmpty()) {
            return amount;
        }
        if (amount > Long.MAX_VALUE >> shift) {
            throw new CommandLine.TypeConversionException("'" + value + "' is too large");
        }
        return amount << shift;
    }
}
