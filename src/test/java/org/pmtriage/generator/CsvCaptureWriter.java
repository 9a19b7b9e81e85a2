package org.pmtriage.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

import org.pmtriage.event.Event;

/**
 * Writes events as ProcMon's CSV export does: UTF-8 with a BOM, every field quoted with inner
 * quotes doubled, CRLF after each record (LF on request), the chosen columns in the chosen order,
 * times in the locale's form. Detail texts are written verbatim, so the bare CRs of a Process
 * Start's Environment block end up inside a quoted field, as in real exports. Streams: nothing
 * but the current record is held.
 */
public final class CsvCaptureWriter implements Closeable {

    /**
     * How to write.
     *
     * @param columns  columns in order
     * @param crlf     end records in CRLF (ProcMon) rather than LF (a copy that went through git)
     * @param gzip     compress the output
     * @param locale   how times are written
     * @param firstDay the capture's first day, for Date &amp; Time
     */
    public record Options(List<CaptureColumn> columns, boolean crlf, boolean gzip, CaptureLocale locale,
                          LocalDate firstDay) {
        public Options {
            columns = List.copyOf(columns);
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(firstDay, "firstDay");
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("no columns");
            }
        }

        /** @return the default seven columns, CRLF, no gzip, in the configuration's locale and day */
        public static Options of(CaptureConfig config) {
            return new Options(CaptureColumn.DEFAULT, true, false, config.locale(), config.firstDay());
        }

        /** @return a copy with other columns */
        public Options withColumns(List<CaptureColumn> newColumns) {
            return new Options(newColumns, crlf, gzip, locale, firstDay);
        }

        /** @return a copy with other line endings and compression */
        public Options withEncoding(boolean newCrlf, boolean newGzip) {
            return new Options(columns, newCrlf, newGzip, locale, firstDay);
        }
    }

    private final Options options;
    private final CountingOutputStream counter;
    private final Writer out;
    private final ColumnValues values;
    private final String newline;
    private final StringBuilder line = new StringBuilder(1024);

    /**
     * Writes the BOM and the header at once.
     *
     * @param sink    where to write; closed by {@link #close()}
     * @param options how to write
     * @throws IOException when writing fails
     */
    public CsvCaptureWriter(OutputStream sink, Options options) throws IOException {
        this.options = options;
        OutputStream raw = options.gzip() ? new GZIPOutputStream(sink, 1 << 16) : sink;
        this.counter = new CountingOutputStream(new BufferedOutputStream(raw, 1 << 16));
        this.out = new OutputStreamWriter(counter, StandardCharsets.UTF_8);
        this.values = new ColumnValues(options.locale(), options.firstDay());
        this.newline = options.crlf() ? "\r\n" : "\n";
        out.write('\uFEFF');
        for (int c = 0; c < options.columns().size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            quote(options.columns().get(c).header());
        }
        line.append(newline);
        out.append(line);
        line.setLength(0);
    }

    /**
     * Writes one event.
     *
     * @param event the event
     * @throws IOException when writing fails
     */
    public void write(Event event) throws IOException {
        List<CaptureColumn> columns = options.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            quote(values.value(columns.get(c), event));
        }
        line.append(newline);
        out.append(line);
        line.setLength(0);
    }

    /** @return bytes written so far, before compression (lags by the writer's buffer) */
    public long bytes() {
        return counter.count();
    }

    private void quote(String field) {
        line.append('"');
        int from = 0;
        for (int q = field.indexOf('"'); q >= 0; q = field.indexOf('"', q + 1)) {
            line.append(field, from, q + 1).append('"');
            from = q + 1;
        }
        line.append(field, from, field.length()).append('"');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
