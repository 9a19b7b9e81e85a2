package org.pmtriage.read;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;

import org.pmtriage.event.ExportLocale;

/**
 * How to read a log.
 *
 * @param policy           what to do with malformed records
 * @param warnings         receives one-line warnings (first skipped records, missing columns...)
 * @param timeZone         zone to show PML times in (PML stores UTC; exports are already local)
 * @param includeProfiling keep PML profiling events, which ProcMon's exports leave out
 * @param rollover         read {@code Logfile-1.PML}, ... found beside {@code Logfile.PML} as one capture
 * @param decoding         which fields to decode
 * @param locale           how texts a reader writes itself (PML Details) write numbers and dates
 * @param copyLimit        the most bytes a PML that arrives compressed or on standard input may
 *                         take in the temporary folder
 */
public record ReadOptions(BadRecordPolicy policy, Consumer<String> warnings, ZoneId timeZone,
                          boolean includeProfiling, boolean rollover, Decoding decoding, ExportLocale locale,
                          long copyLimit) {

    /** The default {@link #copyLimit()}: 4 GiB. */
    public static final long DEFAULT_COPY_LIMIT = 4L << 30;

    /** How many skipped records are named in warnings before the reader only counts them. */
    public static final int NAMED_SKIPS = 5;

    public ReadOptions {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(decoding, "decoding");
        Objects.requireNonNull(locale, "locale");
        if (copyLimit < 0) {
            throw new IllegalArgumentException("copyLimit " + copyLimit);
        }
    }

    /** Options whose Details are written as ProcMon's en-US exports write them, with the default {@link #copyLimit()}. */
    public ReadOptions(BadRecordPolicy policy, Consumer<String> warnings, ZoneId timeZone,
                       boolean includeProfiling, boolean rollover, Decoding decoding) {
        this(policy, warnings, timeZone, includeProfiling, rollover, decoding, ExportLocale.EN_US, DEFAULT_COPY_LIMIT);
    }

    /** Options that decode every field. */
    public ReadOptions(BadRecordPolicy policy, Consumer<String> warnings, ZoneId timeZone,
                       boolean includeProfiling, boolean rollover) {
        this(policy, warnings, timeZone, includeProfiling, rollover, Decoding.FULL);
    }

    /** @return lenient reading, warnings dropped, UTC, no profiling, rollover on, every field decoded */
    public static ReadOptions defaults() {
        return new ReadOptions(BadRecordPolicy.SKIP, w -> { }, ZoneOffset.UTC, false, true);
    }

    /** @return these options with another policy */
    public ReadOptions withPolicy(BadRecordPolicy newPolicy) {
        return new ReadOptions(newPolicy, warnings, timeZone, includeProfiling, rollover, decoding, locale, copyLimit);
    }

    /** @return these options with another warnings sink */
    public ReadOptions withWarnings(Consumer<String> newWarnings) {
        return new ReadOptions(policy, newWarnings, timeZone, includeProfiling, rollover, decoding, locale, copyLimit);
    }

    /** @return these options with another decoding */
    public ReadOptions withDecoding(Decoding newDecoding) {
        return new ReadOptions(policy, warnings, timeZone, includeProfiling, rollover, newDecoding, locale, copyLimit);
    }

    /** @return these options with another locale for the texts a reader writes */
    public ReadOptions withLocale(ExportLocale newLocale) {
        return new ReadOptions(policy, warnings, timeZone, includeProfiling, rollover, decoding, newLocale, copyLimit);
    }

    /** @return these options with another limit on temporary copies */
    public ReadOptions withCopyLimit(long newLimit) {
        return new ReadOptions(policy, warnings, timeZone, includeProfiling, rollover, decoding, locale, newLimit);
    }
}
