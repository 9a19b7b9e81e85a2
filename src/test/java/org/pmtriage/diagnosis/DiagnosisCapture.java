package org.pmtriage.diagnosis;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Module;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Stack;
import org.pmtriage.event.StackFrame;
import org.pmtriage.event.Timeline;
import org.pmtriage.report.HtmlReport;
import org.pmtriage.report.JsonReport;
import org.pmtriage.report.Report;
import org.pmtriage.report.TextReport;

/**
 * Builds captures for diagnosis tests from events: processes with image paths, command lines,
 * version columns, modules (Load Image) and stacks; then reports them in text, JSON and HTML.
 * Times in milliseconds, record numbers in order.
 */
final class DiagnosisCapture {

    static final String WRITE_EXCLUSIVE = "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, "
            + "Options: Synchronous IO Non-Alert, Non-Directory File, Attributes: N, ShareMode: None, "
            + "AllocationSize: 0, OpenResult: Created";
    static final String READ_SHARED = "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO Non-Alert, "
            + "Non-Directory File, Attributes: n/a, ShareMode: Read, AllocationSize: n/a, OpenResult: Opened";
    static final String WRITE_REFUSED = "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, Options:"
            + " Synchronous IO Non-Alert, Non-Directory File, Attributes: N, ShareMode: Read, AllocationSize: 0";

    private final Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
    private final List<ProcessInfo> table = new ArrayList<>();
    private long record;
    private boolean started;

    /** The System process of the log's process table, with kernel modules; call first. */
    DiagnosisCapture system(List<Module> kernelModules) {
        table.add(new ProcessInfo(0, 4, 0, Event.UNKNOWN, "System", "", "", ProcessInfo.UNKNOWN_TIME,
                ProcessInfo.UNKNOWN_TIME, ProcessColumns.NONE, kernelModules));
        return this;
    }

    private void start() {
        if (!started) {
            started = true;
            analyzer.processTable(table);
        }
    }

    DiagnosisCapture event(double ms, String process, int pid, int tid, String op, String path, String result,
                           String detail, Stack stack) {
        return event(ms, process, pid, tid, op, path, result, detail, "", "", ExportColumns.NONE, stack);
    }

    DiagnosisCapture event(double ms, String process, int pid, int tid, String op, String path, String result,
                           String detail, String imagePath, String commandLine, ExportColumns columns, Stack stack) {
        start();
        long time = Math.round(ms * Timeline.TICKS_PER_MILLI);
        analyzer.accept(new Event(++record, time, process, pid, tid, op, Operation.of(op), path, result, detail,
                Event.UNKNOWN, commandLine, imagePath, Event.UNKNOWN, columns, stack));
        return this;
    }

    /** A Process Create in the parent (on thread {@code tid}, with {@code stack}) and the child's Process Start. */
    DiagnosisCapture spawn(double ms, String parent, int parentPid, int tid, String image, String commandLine,
                           int childPid, Stack stack) {
        String child = image.substring(image.lastIndexOf('\\') + 1);
        event(ms, parent, parentPid, tid, "Process Create", image, "SUCCESS",
                "PID: " + childPid + ", Command line: " + commandLine, stack);
        return event(ms + 0.1, child, childPid, 9, "Process Start", "", "SUCCESS",
                "Parent PID: " + parentPid + ", Command line: " + commandLine + ", Current directory: C:\\build\\",
                Stack.NONE);
    }

    DiagnosisCapture load(double ms, String process, int pid, String module, long base, long size) {
        return event(ms, process, pid, 9, "Load Image", module, "SUCCESS",
                "Image Base: 0x" + Long.toHexString(base) + ", Image Size: 0x" + Long.toHexString(size), Stack.NONE);
    }

    DiagnosisCapture open(double ms, String process, int pid, int tid, String path, String detail, Stack stack) {
        return event(ms, process, pid, tid, "CreateFile", path, "SUCCESS", detail, stack);
    }

    DiagnosisCapture refused(double ms, String process, int pid, String path, String detail) {
        return event(ms, process, pid, 1, "CreateFile", path, "SHARING VIOLATION", detail, Stack.NONE);
    }

    DiagnosisCapture write(double ms, String process, int pid, String path) {
        return event(ms, process, pid, 1, "WriteFile", path, "SUCCESS", "Offset: 0, Length: 1,024, Priority: Normal",
                Stack.NONE);
    }

    DiagnosisCapture close(double ms, String process, int pid, String path) {
        return event(ms, process, pid, 1, "CloseFile", path, "SUCCESS", "", Stack.NONE);
    }

    DiagnosisCapture exit(double ms, String process, int pid, int status) {
        return event(ms, process, pid, 9, "Process Exit", "", "SUCCESS", "Exit Status: " + status, Stack.NONE);
    }

    /** @return a stack of these return addresses, innermost first */
    static Stack stack(long... addresses) {
        List<StackFrame> frames = new ArrayList<>();
        for (long a : addresses) {
            frames.add(new StackFrame(a));
        }
        return new Stack(frames);
    }

    AnalysisResult finish() {
        start();
        return analyzer.finish(0);
    }

    static Report report(AnalysisResult result) {
        return new Report("test.pml", "pml", result);
    }

    static String text(Report report) {
        StringWriter out = new StringWriter();
        new TextReport(new PrintWriter(out)).write(report);
        return out.toString();
    }

    static JsonNode json(Report report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JsonReport.mapper().getFactory().createGenerator(out)) {
            JsonReport.write(report, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return JsonReport.mapper().readTree(out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(Report report) {
        StringWriter out = new StringWriter();
        new HtmlReport(50).write(List.of(report), List.of(), new PrintWriter(out));
        return out.toString();
    }
}
