package org.pmtriage.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.pmtriage.event.ExportLocale;
import org.pmtriage.read.Decoding;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.report.CsvEventWriter;
import org.pmtriage.report.EventWriter;
import org.pmtriage.report.JsonLinesEventWriter;
import org.pmtriage.report.ProcmonColumn;

/**
 * Rewrites any log pmtriage reads as ProcMon's CSV (the columns and locale asked for) or as JSON
 * lines ({@code docs/convert.md}).
 *
 * <pre>{@code
 * EventConversion toCsv = EventConversion.of(EventFormat.CSV, "Time of Day,PID,Operation,Path,Result", ExportLocale.EN_US);
 * try (Writer out = Files.newBufferedWriter(Path.of("build.csv"))) {
 *     long skipped = toCsv.run("build.pml", ReadOptions.defaults(), out);
 * }
 * }</pre>
 */
public final class EventConversion {

    private final EventFormat format;
    private final List<ProcmonColumn> columns;
    private final ExportLocale locale;

    private EventConversion(EventFormat format, List<ProcmonColumn> columns, ExportLocale locale) {
        this.format = format;
        this.columns = columns;
        this.locale = locale;
    }

    /**
     * @param format  CSV or JSON lines
     * @param columns CSV columns in ProcMon's spelling, comma-separated, or {@code all} (the 27) or
     *                {@code default} (the 7) ({@code EventConversion.of(EventFormat.CSV, "all", ExportLocale.EN_US)})
     * @param locale  how CSV times, dates and numbers (and PML Details) are written
     * @return the conversion
     * @throws IllegalArgumentException naming an unknown column and listing the known ones
     */
    public static EventConversion of(EventFormat format, String columns, ExportLocale locale) {
        return new EventConversion(format, ProcmonColumn.parseList(columns), locale);
    }

    /**
     * Converts one log ({@code conversion.run("build.pml", ReadOptions.defaults(), out)}).
     *
     * @param log     a ProcMon log, or {@code -} for standard input
     * @param options how to read it (its decoding and locale are the conversion's)
     * @param out     where to write; flushed, not closed
     * @return how many malformed records were skipped (the options' warnings are told how many)
     * @throws LogFormatException when the log cannot be read
     * @throws IOException        when writing fails
     */
    public long run(String log, ReadOptions options, Writer out) throws IOException {
        try (EventReader events = EventLogs.open(log, options.withDecoding(Decoding.EXPORT).withLocale(locale))) {
            try (EventWriter writer = format == EventFormat.CSV ? new CsvEventWriter(out, columns, locale)
                    : new JsonLinesEventWriter(out)) {
                while (events.hasNext()) {
                    writer.write(events.next());
                }
            }
            out.flush();
            if (events.skippedRecords() > 0) {
                options.warnings().accept(log + ": " + events.skippedRecords() + " malformed records skipped");
            }
            return events.skippedRecords();
        }
    }
}
