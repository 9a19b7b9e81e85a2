package org.pmtriage.generator;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.ModuleMap;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.StackFrame;

/**
 * Writes events as ProcMon's XML export does: UTF-8 with a BOM, {@code <procmon>}, an optional
 * {@code <processlist>} (with optional module lists, which make files large), then
 * {@code <eventlist>} with one {@code <event>} per event holding {@code ProcessIndex} and one
 * element per chosen column, named like the CSV header with other characters than letters and
 * digits as {@code _}, then, when the event has a stack, {@code <stack>} with one {@code <frame>}
 * per return address (as an export "with stacks" does). Line ends are CRLF. Text is escaped; control characters become {@code _},
 * except that a Process Start's Environment block is separated by CR CR LF TAB as in real files
 * (an XML parser reads that back as LF LF TAB, not as the CSV's CR {@code ;} TAB). Process times
 * are FILETIMEs, the timeline taken as UTC.
 */
public final class XmlCaptureWriter implements Closeable {

    /**
     * How to write.
     *
     * @param format            columns, compression, locale and first day ({@code crlf} is ignored)
     * @param processList       write the {@code <processlist>}
     * @param modulesPerProcess fake modules listed per process (0: each process's own modules,
     *                          when the capture records them, else no module lists)
     */
    public record Options(CsvCaptureWriter.Options format, boolean processList, int modulesPerProcess) {
    }

    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private final Options options;
    private final CountingOutputStream counter;
    private final Writer out;
    private final ColumnValues values;
    private final StringBuilder text = new StringBuilder(4096);
    private final long eventStart;
    /** Each process's modules by process index, the kernel's under {@link Event#UNKNOWN}, to write stack frames. */
    private final Map<Integer, ModuleMap> modules = new HashMap<>();

    /**
     * Writes everything before the first event.
     *
     * @param sink      where to write; closed by {@link #close()}
     * @param options   how to write
     * @param processes the process table for the processlist (ignored when not written)
     * @throws IOException when writing fails
     */
    public XmlCaptureWriter(OutputStream sink, Options options, List<ProcessInfo> processes) throws IOException {
        this.options = options;
        CsvCaptureWriter.Options f = options.format();
        OutputStream raw = f.gzip() ? new GZIPOutputStream(sink, 1 << 16) : sink;
        this.counter = new CountingOutputStream(new BufferedOutputStream(raw, 1 << 16));
        this.out = new OutputStreamWriter(counter, StandardCharsets.UTF_8);
        this.values = new ColumnValues(f.locale(), f.firstDay());
        for (ProcessInfo p : processes) {
            modules.put(p.processIndex(), ModuleMap.of(p.modules()));
            if (p.name().equals("System")) {
                modules.put(Event.UNKNOWN, ModuleMap.of(p.modules()));
            }
        }
        text.append('\uFEFF').append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<procmon>");
        if (options.processList()) {
            text.append("<processlist>");
            for (ProcessInfo p : processes) {
                process(p);
                flush();
            }
            text.append("</processlist>");
        }
        text.append("<eventlist>\r\n");
        flush();
        out.flush();
        eventStart = counter.count();
    }

    private void process(ProcessInfo p) {
        ColumnValues.Metadata m = ColumnValues.metadata(p.name());
        text.append("<process>\r\n");
        element("ProcessIndex", Integer.toString(p.processIndex()));
        element("ProcessId", Integer.toString(p.pid()));
        element("ParentProcessId", Integer.toString(Math.max(p.parentPid(), 0)));
        element("ParentProcessIndex", Integer.toString(Math.max(p.parentIndex(), 0)));
        element("AuthenticationId", m.authenticationId());
        element("CreateTime", Long.toString(filetime(p.startTime())));
        element("FinishTime", Long.toString(filetime(p.endTime())));
        element("IsVirtualized", "0");
        element("Is64bit", m.architecture().startsWith("64") ? "1" : "0");
        element("Integrity", "Mandatory Label\\" + m.integrity() + " Mandatory Level");
        element("Owner", m.user());
        element("ProcessName", p.name());
        element("ImagePath", p.imagePath());
        element("CommandLine", p.commandLine());
        boolean own = !p.columns().equals(ProcessColumns.NONE);
        element("CompanyName", own ? p.columns().company() : m.company());
        element("Version", own ? p.columns().version() : m.version());
        element("Description", own ? p.columns().description() : m.description());
        if (!p.modules().isEmpty() && options.modulesPerProcess() == 0) {
            text.append("<modulelist>\r\n");
            for (Module module : p.modules()) {
                text.append("<module>\r\n");
                element("Timestamp", Long.toString(filetime(p.startTime())));
                element("BaseAddress", "0x" + Long.toHexString(module.base()));
                element("Size", Long.toString(module.size()));
                element("Path", module.path());
                element("Version", module.version());
                element("Company", module.company());
                element("Description", module.description());
                text.append("</module>\r\n");
            }
            text.append("</modulelist>\r\n");
        } else if (options.modulesPerProcess() > 0) {
            text.append("<modulelist>\r\n");
            for (int i = 0; i < options.modulesPerProcess(); i++) {
                text.append("<module>\r\n");
                element("Timestamp", Long.toString(filetime(p.startTime()) + i));
                element("BaseAddress", "0x7ffb" + Integer.toHexString(0x10000000 + i * 0x130000));
                element("Size", Integer.toString(45_056 + 4096 * (i % 97)));
                element("Path", "C:\\Windows\\System32\\module" + i + ".dll");
                element("Version", "10.0.19041.3636 (WinBuild.160101.0800)");
                element("Company", "Microsoft Corporation");
                element("Description", "Module " + i + " & friends");
                text.append("</module>\r\n");
            }
            text.append("</modulelist>\r\n");
        }
        text.append("</process>\r\n");
    }

    private long filetime(long ticks) {
        if (ticks == ProcessInfo.UNKNOWN_TIME) {
            return 0;
        }
        long midnight = options.format().firstDay().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        return (midnight + FILETIME_EPOCH_SECONDS) * 10_000_000L + ticks;
    }

    /**
     * Writes one event.
     *
     * @param event the event
     * @throws IOException when writing fails
     */
    public void write(Event event) throws IOException {
        text.append("<event>\r\n");
        element("ProcessIndex", Integer.toString(event.processIndex()));
        for (CaptureColumn c : options.format().columns()) {
            element(c.xmlName(), values.value(c, event));
        }
        if (event.stack().depth() > 0) {
            stack(event);
        }
        text.append("</event>\r\n\r\n");
        flush();
    }

    /**
     * The event's frames as ProcMon writes an export with stacks: depth, address, the module's
     * path and {@code module + 0xoffset} (unsymbolized); a frame in no known module has an empty
     * path and its address as location (no public export with stacks was at hand to confirm it).
     */
    private void stack(Event event) {
        ModuleMap user = modules.getOrDefault(event.processIndex(), ModuleMap.EMPTY);
        ModuleMap kernel = modules.getOrDefault(Event.UNKNOWN, ModuleMap.EMPTY);
        text.append("<stack>\r\n");
        int depth = 0;
        for (StackFrame f : event.stack().frames()) {
            Optional<Module> m = f.address() < 0 ? kernel.moduleAt(f.address()) : user.moduleAt(f.address());
            text.append("<frame>\r\n");
            element("depth", Integer.toString(depth++));
            element("address", "0x" + Long.toHexString(f.address()));
            element("path", m.map(Module::path).orElse(""));
            element("location", m.map(x -> x.fileName() + " + 0x" + Long.toHexString(f.address() - x.base()))
                    .orElse("0x" + Long.toHexString(f.address())));
            text.append("</frame>\r\n");
        }
        text.append("</stack>\r\n");
    }

    /** @return bytes of the event list written so far, before compression */
    public long eventBytes() {
        return counter.count() - eventStart;
    }

    private void element(String name, String value) {
        text.append('<').append(name).append('>');
        escape(value);
        text.append("</").append(name).append(">\r\n");
    }

    private void escape(String s) {
        int n = s.length();
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String replacement;
            switch (c) {
                case '&' -> replacement = "&amp;";
                case '<' -> replacement = "&lt;";
                case '>' -> replacement = "&gt;";
                case '"' -> replacement = "&quot;";
                case '\r' -> {
                    if (i + 2 < n && s.charAt(i + 1) == ';' && s.charAt(i + 2) == '\t') {
                        replacement = "\r\r\n\t";
                        text.append(s, run, i).append(replacement);
                        i += 2;
                        run = i + 1;
                        continue;
                    }
                    replacement = "_";
                }
                default -> replacement = c != '\t' && (c < 0x20 || Character.isSurrogate(c)) ? "_" : null;
            }
            if (replacement != null) {
                text.append(s, run, i).append(replacement);
                run = i + 1;
            }
        }
        text.append(s, run, n);
    }

    private void flush() throws IOException {
        out.append(text);
        text.setLength(0);
    }

    @Override
    public void close() throws IOException {
        text.append("</eventlist></procmon>");
        flush();
        out.close();
    }

    /**
     * Simulates and writes an XML capture. With a processlist the simulation runs twice with the
     * same seed (the first time only to learn the process table, writing to nowhere when the
     * size matters), since the table comes before the events. Stops adding jobs once {@code bytes} (if positive) bytes of
     * events are written; both runs count the same bytes, so they make the same decisions.
     *
     * @param config  what to simulate
     * @param options how to write
     * @param bytes   target size of the event list, 0 for none
     * @param sink    where to write
     * @return the truth
     * @throws IOException when writing fails
     */
    public static CaptureTruth write(CaptureConfig config, Options options, long bytes, OutputStream sink)
            throws IOException {
        List<ProcessInfo> processes = List.of();
        if (options.processList() || config.images().recorded()) {
            Options eventsOnly = new Options(options.format().withEncoding(true, false), false, 0);
            BuildSimulation first = new BuildSimulation(config, true);
            if (bytes > 0) {
                run(first, eventsOnly, bytes, OutputStream.nullOutputStream(), List.of());
            } else {
                first.forEachRemaining(e -> { });
            }
            processes = first.processes();
        }
        BuildSimulation sim = new BuildSimulation(config, false);
        run(sim, options, bytes, sink, processes);
        sim.truth().tids(options.format().columns().contains(CaptureColumn.TID));
        return sim.truth();
    }

    private static void run(BuildSimulation sim, Options options, long bytes, OutputStream sink,
                            List<ProcessInfo> processes) throws IOException {
        try (XmlCaptureWriter writer = new XmlCaptureWriter(sink, options, processes)) {
            if (bytes > 0) {
                sim.keepGoingWhile(() -> writer.eventBytes() < bytes);
            }
            while (sim.hasNext()) {
                writer.write(sim.next());
            }
        }
    }
}
