package org.pmtriage.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.Printable;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.TimeFrame;
import org.pmtriage.event.Timeline;

/**
 * The report of {@code stats}: per log its machine (PML), the first and last events with their
 * dates where the log has them, events per class and per operation and, when asked, every
 * process; as text for people or JSON (one document, an array for several logs).
 */
public final class StatsReport {

    private static final int MAX_INDENT = 8;

    private StatsReport() {
    }

    /**
     * Writes the logs' statistics for people.
     *
     * @param logs the logs, in the order named
     * @param to   where to write; not closed; control characters from the log are shown as {@code ?}
     */
    public static void text(List<CaptureStats> logs, PrintWriter to) {
        PrintWriter out = new PrintWriter(Printable.writer(to));
        boolean first = true;
        for (CaptureStats log : logs) {
            if (!first) {
                out.println();
            }
            first = false;
            text(log, out);
        }
        out.flush();
    }

    private static void text(CaptureStats log, PrintWriter out) {
        Report report = log.report();
        CaptureSummary s = report.result().summary();
        TimeFrame frame = report.frame();
        out.printf("%s (%s)%n", report.path(), report.format());
        log.host().ifPresent(h -> out.printf("Computer:     %s (%s, %d CPUs)%n", h.computer(), h.system(), h.cpus()));
        out.printf("Times:        %s%n", frame.describe());
        out.printf("Events:       %d (%d skipped records)%n", s.events(), s.skippedRecords());
        out.printf("Processes:    %d%n", s.processes());
        if (s.events() > 0) {
            out.printf("First event:  %s%n", frame.stamp(s.firstTime()));
            out.printf("Last event:   %s%n", frame.stamp(s.lastTime()));
        }
        out.printf("Time span:    %s s%n", Timeline.secondsText(s.lastTime() - s.firstTime()));
        table(out, "Event classes:", eventClasses(s.operations()));
        table(out, "Operations:", s.operations());
        log.processes().ifPresent(list -> {
            out.println("Process tree:");
            out.printf("  %7s %7s  %-20s %-27s %-27s %s%n", "PID", "parent", "name", "started", "exited", "command line");
            for (Node node : tree(list)) {
                ProcessInfo p = node.process();
                String name = "  ".repeat(Math.min(node.depth(), MAX_INDENT)) + p.name();
                out.printf("  %7d %7s  %-20s %-27s %-27s %s%n", p.pid(), p.parentPid() < 0 ? "?" : p.parentPid(),
                        name, time(frame, p.startTime(), "before the capture"),
                        time(frame, p.endTime(), "-"), p.commandLine());
            }
        });
    }

    /** A process and how deep it lies in the tree. */
    private record Node(ProcessInfo process, int depth) {
    }

    /**
     * The processes depth first: each after its parent, children in the list's order; a process
     * whose parent is not in the list is a root.
     */
    private static List<Node> tree(List<ProcessInfo> list) {
        Map<Integer, List<ProcessInfo>> children = new HashMap<>();
        Set<Integer> indexes = new HashSet<>();
        list.forEach(p -> indexes.add(p.processIndex()));
        for (ProcessInfo p : list) {
            if (p.parentIndex() != p.processIndex() && indexes.contains(p.parentIndex())) {
                children.computeIfAbsent(p.parentIndex(), k -> new ArrayList<>()).add(p);
            }
        }
        List<Node> order = new ArrayList<>(list.size());
        Set<Integer> placed = new HashSet<>();
        for (boolean rootsOnly : new boolean[] {true, false}) {
            // the second round places what a cycle of parents kept from any root
            for (ProcessInfo p : list) {
                boolean root = p.parentIndex() == p.processIndex() || !indexes.contains(p.parentIndex());
                if ((root || !rootsOnly) && !placed.contains(p.processIndex())) {
                    subtree(new Node(p, 0), children, placed, order);
                }
            }
        }
        return order;
    }

    private static void subtree(Node top, Map<Integer, List<ProcessInfo>> children, Set<Integer> placed,
                                List<Node> order) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (!placed.add(n.process().processIndex())) {
                continue;
            }
            order.add(n);
            List<ProcessInfo> kids = children.getOrDefault(n.process().processIndex(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(new Node(kids.get(i), n.depth() + 1));
            }
        }
    }

    private static void table(PrintWriter out, String heading, Map<String, Long> rows) {
        out.println(heading);
        int width = Math.max(1, rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        rows.forEach((name, count) -> out.printf("  %-" + width + "s %10d%n", name, count));
    }

    /**
     * Writes the logs' statistics as JSON: one document, or an array of them for several logs.
     *
     * @param logs the logs, in the order named
     * @param out  where to write; not closed
     * @throws IOException when writing fails
     */
    public static void json(List<CaptureStats> logs, PrintWriter out) throws IOException {
        Object doc;
        if (logs.size() == 1) {
            doc = document(logs.get(0));
        } else {
            ArrayNode array = JsonReport.mapper().createArrayNode();
            logs.forEach(log -> array.add(document(log)));
            doc = array;
        }
        out.println(JsonReport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
        out.flush();
    }

    private static ObjectNode document(CaptureStats log) {
        Report report = log.report();
        CaptureSummary s = report.result().summary();
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schemaVersion", JsonReport.SCHEMA_VERSION);
        ObjectNode input = JsonReport.input(report);
        input.put("firstEventDate", s.events() == 0 ? null : report.frame().stamp(s.firstTime()));
        input.put("lastEventDate", s.events() == 0 ? null : report.frame().stamp(s.lastTime()));
        root.set("input", input);
        if (log.host().isPresent()) {
            CaptureHost h = log.host().get();
            root.putObject("host").put("computer", h.computer()).put("system", h.system()).put("cpus", h.cpus());
        }
        ObjectNode classes = root.putObject("eventClasses");
        eventClasses(s.operations()).forEach(classes::put);
        ObjectNode ops = root.putObject("operations");
        s.operations().forEach(ops::put);
        log.processes().ifPresent(list -> {
            ArrayNode processes = root.putArray("processes");
            for (ProcessInfo p : list) {
                ObjectNode n = processes.addObject();
                n.put("id", p.processIndex());
                n.put("parentId", p.parentIndex() < 0 ? null : p.parentIndex());
                n.put("pid", p.pid());
                n.put("parentPid", p.parentPid() < 0 ? null : p.parentPid());
                n.put("name", p.name());
                n.put("startedAt", p.startTime() == ProcessInfo.UNKNOWN_TIME ? null : report.frame().stamp(p.startTime()));
                n.put("exitedAt", p.endTime() == ProcessInfo.UNKNOWN_TIME ? null : report.frame().stamp(p.endTime()));
                n.put("commandLine", p.commandLine());
            }
        });
        return root;
    }

    private static String time(TimeFrame frame, long ticks, String unknown) {
        return ticks == ProcessInfo.UNKNOWN_TIME ? unknown : frame.stamp(ticks);
    }

    /**
     * Events per class as ProcMon groups operations: Registry ({@code Reg...}), Network
     * ({@code TCP ...}, {@code UDP ...}), Profiling, Process (process, thread and image events)
     * and File System (the rest), most frequent first.
     */
    static Map<String, Long> eventClasses(Map<String, Long> operations) {
        Map<String, Long> counts = new LinkedHashMap<>();
        operations.forEach((name, count) -> counts.merge(eventClass(name), count, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String eventClass(String operation) {
        if (operation.startsWith("Reg")) {
            return "Registry";
        }
        if (operation.startsWith("TCP ") || operation.startsWith("UDP ")) {
            return "Network";
        }
        if (operation.endsWith(" Profiling")) {
            return "Profiling";
        }
        if (operation.startsWith("Process ") || operation.startsWith("Thread ") || operation.equals("Load Image")) {
            return "Process";
        }
        return "File System";
    }
}
