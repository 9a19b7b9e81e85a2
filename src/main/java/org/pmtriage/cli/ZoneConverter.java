package org.pmtriage.cli;

import java.time.DateTimeException;
import java.time.ZoneId;

import picocli.CommandLine;

/** Reads a time zone, with a message a person can act on instead of Java's exception text. */
final class ZoneConverter implements CommandLine.ITypeConverter<ZoneId> {

    @Override
    public ZoneId convert(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a time zone; give a region such as"
                    + " Europe/Madrid, an offset such as +02:00, or UTC");
        }
    }
}
