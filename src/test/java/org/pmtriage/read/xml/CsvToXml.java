package org.pmtriage.read.xml;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pmtriage.event.ProcessDetail;
import org.pmtriage.event.Timeline;
import org.pmtriage.read.internal.DayRollover;
import org.pmtriage.read.internal.TimeOfDay;

/**
 * Test helper: writes the capture of a ProcMon CSV export as ProcMon would export it to XML, so
 * both readers can be compared on one capture. Columns become elements named like the header
 * with {@code _} for spaces (and for the {@code &} of "Date &amp; Time", which XML names cannot
 * hold), every value verbatim (a CR as {@code &#13;} so the parser keeps it). Process indexes
 * are given per PID, a new one at each Process Start; the optional processlist holds one entry
 * per index with CreateTime/FinishTime from the Process Start/Exit events as UTC FILETIMEs for
 * a given day and zone, and a module list to skip.
 */
final class CsvToXml {

    /**
     * @param processList       write a processlist
     * @param modulesPerProcess modules listed per process
     * @param captureDay        local date of the first event, for FILETIMEs
     * @param zone              the exporting machine's offset from UTC, for FILETIMEs
     * @param stackFrames       frames in a stack written after each event's columns (0: none)
     * @param columns           the CSV columns to export, in this order; null for all, in the CSV's order
     */
    record Settings(boolean processList, int modulesPerProcess, LocalDate captureDay, ZoneOffset zone,
                    int stackFrames, List<String> columns) {

        static Settings full() {
            return new Settings(true, 3, LocalDate.of(2020, 7, 31), ZoneOffset.ofHours(2), 0, null);
        }

        Settings withColumns(List<String> newColumns) {
            return new Settings(processList, modulesPerProcess, captureDay, zone, stackFrames, newColumns);
        }

        Settings withoutProcessList() {
            return new Settings(false, modulesPerProcess, captureDay, zone, stackFrames, columns);
        }

        Settings withStackFrames(int frames) {
            return new Settings(processList, modulesPerProcess, captureDay, zone, frames, columns);
        }
    }

    /** A process the CSV shows, under the index the XML gives it. */
    record Process(int index, int pid, int parentPid, String name, String imagePath, String commandLine,
                   long start, long finish) {
    }

    private static final long FILETIME_EPOCH_DAY = LocalDate.of(1601, 1, 1).toEpochDay();

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();
    private final int[] indexes;
    private final long[] times;
    private final Map<Integer, Process> processes = new LinkedHashMap<>();

    private CsvToXml(String csv) {
        List<List<String>> records = parseCsv(csv);
        header = records.get(0);
        for (List<String> r : records.subList(1, records.size())) {
            rows.add(r.toArray(new String[0]));
        }
        indexes = new int[rows.size()];
        times = new long[rows.size()];
        assignProcesses();
    }

    /** RFC 4180, as ProcMon writes it: quoted fields may hold commas, doubled quotes and bare CRs. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (quoted) {
                if (c != '"') {
                    field.append(c);
                } else if (i < text.length() && text.charAt(i) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** @return the capture of a CSV export, read whole (a test helper: small files only) */
    static CsvToXml read(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        return new CsvToXml(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** @return the processes, by index */
    Map<Integer, Process> processes() {
        return processes;
    }

    /** @return the CSV's event count */
    int size() {
        return rows.size();
    }

    /** @return the capture's span on the timeline, first event to last */
    long span() {
        return times[times.length - 1] - times[0];
    }

    private void assignProcesses() {
        int time = column("Time of Day");
        int pid = column("PID");
        int operation = column("Operation");
        int name = column("Process Name");
        int parentPid = header.indexOf("Parent PID");
        int image = header.indexOf("Image Path");
        int commandLine = header.indexOf("Command Line");
        int detail = header.indexOf("Detail");
        DayRollover days = new DayRollover();
        Map<Integer, Integer> current = new HashMap<>();
        int nextIndex = 1000;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            times[i] = days.toTimeline(TimeOfDay.parse(row[time]));
            int p = Integer.parseInt(row[pid]);
            String op = row[operation];
            Integer index = current.get(p);
            if (index == null || op.equals("Process Start")) {
                index = nextIndex++;
                current.put(p, index);
                int parent = parentPid >= 0 && !row[parentPid].isEmpty() ? Integer.parseInt(row[parentPid])
                        : op.equals("Process Start") && detail >= 0 ? ProcessDetail.parse(row[detail]).pid() : -1;
                processes.put(index, new Process(index, p, parent, row[name], image < 0 ? "" : row[image],
                        commandLine < 0 ? "" : row[commandLine], op.equals("Process Start") ? times[i] : -1, -1));
            }
            if (op.equals("Process Exit")) {
                Process old = processes.get(index);
                processes.put(index, new Process(old.index(), old.pid(), old.parentPid(), old.name(), old.imagePath(),
                        old.commandLine(), old.start(), times[i]));
            }
            indexes[i] = index;
        }
    }

    private int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("CSV has no " + name + " column");
        }
        return i;
    }

    /** Writes the capture as one XML export. */
    void write(Writer out, Settings settings) throws IOException {
        write(out, settings, 1);
    }

    /**
     * Writes the capture as an XML export whose eventlist holds {@code copies} copies of the events,
     * each later than the one before by the capture's span plus one second (a benchmark input).
     */
    void write(Writer out, Settings settings, int copies) throws IOException {
        List<String> columns = settings.columns() == null ? header : settings.columns();
        int[] at = columns.stream().mapToInt(this::column).toArray();
        String[] tags = columns.stream().map(c -> c.replace(' ', '_').replace('&', '_')).toArray(String[]::new);
        int time = column("Time of Day");
        out.write("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<procmon>");
        if (settings.processList()) {
            writeProcessList(out, settings);
        }
        out.write("<eventlist>\r\n");
        long step = span() + Timeline.TICKS_PER_SECOND;
        for (int copy = 0; copy < copies; copy++) {
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                out.write("<event>\r\n<ProcessIndex>");
                out.write(Integer.toString(indexes[i]));
                out.write("</ProcessIndex>\r\n");
                for (int c = 0; c < at.length; c++) {
                    String value = at[c] == time && copy > 0
                            ? Timeline.format(Math.floorMod(times[i] + copy * step, Timeline.TICKS_PER_DAY))
                            : row[at[c]];
                    element(out, tags[c], value);
                }
                writeStack(out, settings.stackFrames());
                out.write("</event>\r\n\r\n");
            }
        }
        out.write("</eventlist></procmon>\r\n");
    }

    private void writeProcessList(Writer out, Settings s) throws IOException {
        long midnight = (s.captureDay().toEpochDay() - FILETIME_EPOCH_DAY) * Timeline.TICKS_PER_DAY
                - s.zone().getTotalSeconds() * Timeline.TICKS_PER_SECOND;
        Map<Integer, Integer> indexOfPid = new HashMap<>();
        out.write("<processlist>");
        for (Process p : processes.values()) {
            out.write("<process>\r\n");
            element(out, "ProcessIndex", Integer.toString(p.index()));
            element(out, "ProcessId", Integer.toString(p.pid()));
            element(out, "ParentProcessId", Integer.toString(Math.max(0, p.parentPid())));
            element(out, "ParentProcessIndex", Integer.toString(indexOfPid.getOrDefault(p.parentPid(), 0)));
            element(out, "AuthenticationId", "00000000:0001e0ac");
            element(out, "CreateTime", Long.toString(p.start() < 0 ? 0 : midnight + p.start()));
            element(out, "FinishTime", Long.toString(p.finish() < 0 ? 0 : midnight + p.finish()));
            element(out, "IsVirtualized", "0");
            element(out, "Is64bit", "1");
            element(out, "Integrity", "Medium");
            element(out, "Owner", "DESKTOP\\test");
            element(out, "ProcessName", p.name());
            element(out, "ImagePath", p.imagePath());
            element(out, "CommandLine", p.commandLine());
            element(out, "CompanyName", "Microsoft Corporation");
            element(out, "Version", "10.0.18362.1 (WinBuild.160101.0800)");
            element(out, "Description", "A process & its <description>");
            out.write("<modulelist>\r\n");
            for (int m = 0; m < s.modulesPerProcess(); m++) {
                out.write("<module>\r\n");
                element(out, "Timestamp", "132407158381974364");
                element(out, "BaseAddress", "0x7ffb7da2" + m + "000");
                element(out, "Size", "253952");
                element(out, "Path", "C:\\WINDOWS\\system32\\module" + m + ".dll");
                element(out, "Version", "10.0.19041.3636 (WinBuild.160101.0800)");
                element(out, "Company", "Microsoft Corporation");
                element(out, "Description", "Module " + m);
                out.write("</module>\r\n");
            }
            out.write("</modulelist>\r\n</process>\r\n");
            indexOfPid.put(p.pid(), p.index());
        }
        out.write("</processlist>");
    }

    private static void writeStack(Writer out, int frames) throws IOException {
        if (frames == 0) {
            return;
        }
        out.write("<stack>\r\n");
        for (int f = 0; f < frames; f++) {
            out.write("<frame>\r\n");
            element(out, "depth", Integer.toString(f));
            element(out, "address", "0xfffff8017a2b" + f + "e10");
            element(out, "path", "C:\\WINDOWS\\System32\\drivers\\FLTMGR.SYS");
            element(out, "location", "FltpPerformPreCallbacks + 0x" + f + "d1");
            out.write("</frame>\r\n");
        }
        out.write("</stack>\r\n");
    }

    private static void element(Writer out, String tag, String value) throws IOException {
        out.write('<');
        out.write(tag);
        out.write('>');
        escape(out, value);
        out.write("</");
        out.write(tag);
        out.write(">\r\n");
    }

    private static void escape(Writer out, String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '\r' -> out.write("&#13;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        throw new IllegalArgumentException("control character " + (int) c + " cannot be written to XML");
                    }
                    out.write(c);
                }
            }
        }
    }
}
