package org.pmtriage.pmc;

import java.util.Objects;

/**
 * One filter (or highlight) rule of a PMC file.
 *
 * @param column   ProcMon's column id (see {@link Column}); kept as a number so that a column this
 *                 tool does not name still round-trips
 * @param relation how the column is compared with the value
 * @param action   include or exclude
 * @param value    the value, without its terminating NUL
 * @param number   the value as a number, which ProcMon stores beside the text (0 when it has none);
 *                 numeric columns such as PID are ignored by ProcMon without it
 */
public record FilterRule(int column, Relation relation, RuleAction action, String value, long number) {

    /** @throws NullPointerException when a part is null */
    public FilterRule {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(value, "value");
        if (number < 0 || number > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("number " + number + " does not fit a u32");
        }
    }

    /**
     * A rule as ProcMon's filter dialog makes it: the number is the value's when it is all digits
     * (32 or 64 for Architecture's {@code 32-bit} and {@code 64-bit}), else 0.
     */
    public static FilterRule of(Column column, Relation relation, RuleAction action, String value) {
        return new FilterRule(column.id(), relation, action, value, numberOf(column, value));
    }

    private static long numberOf(Column column, String value) {
        if (column == Column.ARCHITECTURE) {
            return value.startsWith("64") ? 64 : value.startsWith("32") ? 32 : 0;
        }
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        long n = Long.parseLong(value);
        return n > 0xFFFF_FFFFL ? 0 : n;
    }
}
