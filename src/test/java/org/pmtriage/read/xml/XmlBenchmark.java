package org.pmtriage.read.xml;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.ctc.wstx.stax.WstxInputFactory;
import org.pmtriage.event.Event;
import org.pmtriage.read.ReadOptions;

/**
 * XML reading benchmark (a tool, not a test): {@code make} writes a large capture by replicating
 * a CSV export's events as XML; {@code read} times one reading of a file with one parser. See
 * docs/performance-xml.md and bench/xml-throughput.sh.
 */
public final class XmlBenchmark {

    private XmlBenchmark() {
    }

    /**
     * {@code make CSV OUT.xml MEGABYTES [all|default]} or
     * {@code read FILE [default|aalto|jdk|woodstox] [REPEAT]} ({@code default} is what the reader
     * does: Aalto's blocking parser behind {@link TextRunGuard}; the others leave the guard out;
     * REPEAT reads the file again in the same JVM, to see the JIT-compiled speed).
     *
     * @param args as above
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("make")) {
            make(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]) << 20,
                    args.length > 4 && args[4].equals("default"));
        } else if (args.length >= 2 && args[0].equals("read")) {
            int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 1;
            for (int i = 0; i < repeat; i++) {
                read(Path.of(args[1]), args.length > 2 ? args[2] : "default");
            }
        } else {
            System.err.println("usage: make CSV OUT.xml MEGABYTES [all|default] | read FILE [default|aalto|jdk|woodstox] [REPEAT]");
            System.exit(2);
        }
    }

    private static void make(Path csv, Path out, long bytes, boolean defaultColumns) throws IOException {
        CsvToXml capture = CsvToXml.read(csv);
        CsvToXml.Settings settings = CsvToXml.Settings.full();
        if (defaultColumns) {
            settings = settings.withColumns(List.of("Time of Day", "Process Name", "PID", "Operation", "Path",
                    "Result", "Detail"));
        }
        Path one = Files.createTempFile("pmtriage-one", ".xml");
        try {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(one), StandardCharsets.UTF_8))) {
                capture.write(w, settings);
            }
            int copies = (int) Math.max(1, bytes / Files.size(one));
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8),
                    1 << 16)) {
                capture.write(w, settings, copies);
            }
            System.out.printf("%s: %d copies of %d events, %,d bytes%n", out, copies, capture.size(), Files.size(out));
        } finally {
            Files.delete(one);
        }
    }

    private static void read(Path file, String parser) throws IOException {
        XmlCursor.Opener opener = switch (parser) {
            case "default" -> null;
            case "aalto" -> (in, source) -> XmlCursor.blocking(StaxFactories.aalto(), in, source,
                    XmlEventReader.MAX_TEXT_CHARS, null);
            case "jdk" -> (in, source) -> XmlCursor.blocking(StaxFactories.jdk(), in, source,
                    XmlEventReader.MAX_TEXT_CHARS, null);
            case "woodstox" -> (in, source) -> XmlCursor.blocking(StaxFactories.harden(new WstxInputFactory()), in,
                    source, XmlEventReader.MAX_TEXT_CHARS, null);
            default -> throw new IllegalArgumentException("unknown parser " + parser);
        };
        java.lang.management.ThreadMXBean cpuTimes = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = cpuTimes.getCurrentThreadCpuTime();
        long events = 0;
        long check = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             XmlEventReader reader = new XmlEventReader(in, file.toString(), ReadOptions.defaults(), opener)) {
            while (reader.hasNext()) {
                Event e = reader.next();
                events++;
                check += e.pid() + e.path().length() + e.detail().length() + e.processIndex();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuTimes.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double megabytes = reader.bytesRead() / 1e6;
            System.out.printf(Locale.ROOT, "%s %s: %,d events, %.1f MB in %.2f s = %.0f MB/s wall;"
                    + " reading thread CPU %.2f s = %.0f MB/s per core; %.0f k events/s (processes %d, check %d)%n",
                    parser, file.getFileName(), events, megabytes, seconds, megabytes / seconds, cpu,
                    megabytes / cpu, events / seconds / 1e3, reader.processes().size(), check);
        }
    }
}
