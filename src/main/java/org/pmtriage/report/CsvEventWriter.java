package org.pmtriage.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportLocale;

/**
 * Writes events as ProcMon's own CSV export: a UTF-8 byte-order mark, a header row, every field
 * quoted with embedded quotes doubled, CRLF line ends, the chosen columns in the chosen order,
 * times and numbers in the export's locale.
 */
public final class CsvEventWriter implements EventWriter {

    private static final CSVFormat PROCMON = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;
    private final List<ProcmonColumn> columns;
    private final ExportLocale locale;
    private long first;
    private boolean started;

    /**
     * Writes the byte-order mark and the header row at once.
     *
     * @param out     where the text goes; flushed, not closed, by {@link #close()}
     * @param columns the columns, in order
     * @param locale  how times, dates and numbers are written
     */
    public CsvEventWriter(Writer out, List<ProcmonColumn> columns, ExportLocale locale) throws IOException {
        this.columns = List.copyOf(columns);
        this.locale = locale;
        out.write('\uFEFF');
        this.printer = new CSVPrinter(out, PROCMON);
        for (ProcmonColumn c : this.columns) {
            printer.print(c.header());
        }
        printer.println();
    }

    @Override
    public void write(Event e) throws IOException {
        if (!started) {
            first = e.time();
            started = true;
        }
        for (ProcmonColumn c : columns) {
            printer.print(c.value(e, locale, first));
        }
        printer.println();
    }

    @Override
    public void close() throws IOException {
        printer.flush();
    }
}
