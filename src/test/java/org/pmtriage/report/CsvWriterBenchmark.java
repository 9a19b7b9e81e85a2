package org.pmtriage.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportLocale;
import org.pmtriage.read.EventReader;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.internal.ReadAhead;
import org.pmtriage.read.internal.TextBudget;
import org.pmtriage.read.open.LogReaders;

/**
 * One conversion of a log to ProcMon's CSV through {@link CsvEventWriter} ({@code ours}) or through
 * commons-csv's {@code CSVPrinter} ({@code commons-csv}), the same bytes either way, for
 * {@code bench/csv-writer.sh} to time as whole processes. Run as
 * {@code CsvWriterBenchmark ours|commons-csv IN OUT}.
 */
public final class CsvWriterBenchmark {

    private static final CSVFormat PROCMON = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n").get();

    private CsvWriterBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !args[0].matches("ours|commons-csv")) {
            System.err.println("usage: CsvWriterBenchmark ours|commons-csv IN OUT");
            System.exit(2);
        }
        // as convert writes: a PrintWriter on an encoder, then the file
        try (EventReader events = new ReadAhead(LogReaders.open(args[1], ReadOptions.defaults()),
                new TextBudget(args[1], w -> { }));
             PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(Path.of(args[2])),
                     StandardCharsets.UTF_8), false);
             EventWriter writer = args[0].equals("ours")
                     ? new CsvEventWriter(out, ProcmonColumn.DEFAULT, ExportLocale.EN_US) : new CommonsCsv(out)) {
            while (events.hasNext()) {
                writer.write(events.next());
            }
        }
    }

    /** The same CSV through {@code CSVPrinter}, buffered so that it writes large blocks too. */
    private static final class CommonsCsv implements EventWriter {
        private final CSVPrinter printer;
        private long first;
        private boolean started;

        CommonsCsv(Writer out) throws IOException {
            Writer buffered = new BufferedWriter(out, 1 << 16);
            buffered.write('\uFEFF');
            printer = new CSVPrinter(buffered, PROCMON);
            for (ProcmonColumn c : ProcmonColumn.DEFAULT) {
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
            for (ProcmonColumn c : ProcmonColumn.DEFAULT) {
                printer.print(c.value(e, ExportLocale.EN_US, first));
            }
            printer.println();
        }

        @Override
        public void close() throws IOException {
            printer.flush();
        }
    }
}
