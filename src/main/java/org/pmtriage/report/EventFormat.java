package org.pmtriage.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.pmtriage.event.ExportLocale;

/** The formats events are exported in. */
public enum EventFormat {
    /** ProcMon's CSV export ({@link CsvEventWriter}). */
    csv,
    /** One JSON object per line ({@link JsonLinesEventWriter}); columns and locale do not apply to it. */
    jsonl;

    /**
     * Starts writing: emits any header at once.
     *
     * @param out     where the text goes; not closed by the writer
     * @param columns the CSV columns, in order
     * @param locale  how CSV times, dates and numbers are written
     */
    public EventWriter open(Writer out, List<ProcmonColumn> columns, ExportLocale locale) throws IOException {
        return this == csv ? new CsvEventWriter(out, columns, locale) : new JsonLinesEventWriter(out);
    }
}
