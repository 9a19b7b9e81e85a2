package org.pmtriage.analysis;

import java.util.List;

import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.Timeline;

/** Builds events for analysis tests: times in milliseconds, record numbers in order. */
final class Capture {

    static final String WRITE = "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, "
            + "Options: Synchronous IO Non-Alert, Non-Directory File, Attributes: N, ShareMode: Read, "
            + "AllocationSize: 0, OpenResult: Created";
    static final String WRITE_EXCLUSIVE = WRITE.replace("ShareMode: Read", "ShareMode: None");
    static final String READ = "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO Non-Alert, "
            + "Non-Directory File, Attributes: n/a, ShareMode: Read, Write, AllocationSize: n/a, OpenResult: Opened";
    static final String READ_REFUSED = "Desired Access: Generic Read, Disposition: Open, Options: Synchronous IO "
            + "Non-Alert, Non-Directory File, Attributes: n/a, ShareMode: Read, AllocationSize: n/a";

    private final Analyzer analyzer;
    private long record;

    Capture() {
        this(Analyzer.DEFAULT_WINDOW);
    }

    Capture(long window) {
        analyzer = new Analyzer(window, w -> { });
    }

    Capture event(double ms, String process, int pid, int tid, String op, String path, String result, String detail) {
        long time = Math.round(ms * Timeline.TICKS_PER_MILLI);
        analyzer.accept(new Event(++record, time, process, pid, tid, op, Operation.of(op), path, result, detail,
                Event.UNKNOWN, "", "", Event.UNKNOWN));
        return this;
    }

    Capture open(double ms, String process, int pid, String path, String detail) {
        return event(ms, process, pid, 1, "CreateFile", path, "SUCCESS", detail);
    }

    static final String DIRECTORY = "Desired Access: Execute/Traverse, Synchronize, Disposition: Open, Options: Directory,"
            + " Synchronous IO Non-Alert, Attributes: n/a, ShareMode: Read, Write, Delete, AllocationSize: n/a,"
            + " OpenResult: Opened";
    static final String WRITE_REFUSED = "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, Options:"
            + " Synchronous IO Non-Alert, Non-Directory File, Attributes: N, ShareMode: Read, AllocationSize: 0";

    Capture open(double ms, String process, int pid, int tid, String path, String detail) {
        return event(ms, process, pid, tid, "CreateFile", path, "SUCCESS", detail);
    }

    Capture refused(double ms, String process, int pid, String path, String detail) {
        return event(ms, process, pid, 1, "CreateFile", path, "SHARING VIOLATION", detail);
    }

    /** A Process Create from thread {@code tid} of the parent, of an image at {@code image}, and the child's Process Start. */
    Capture spawn(double ms, String parent, int parentPid, int tid, String image, int childPid) {
        String child = image.substring(image.lastIndexOf('\\') + 1);
        event(ms, parent, parentPid, tid, "Process Create", image, "SUCCESS",
                "PID: " + childPid + ", Command line: " + child);
        return event(ms + 0.1, child, childPid, 3, "Process Start", "", "SUCCESS",
                "Parent PID: " + parentPid + ", Command line: " + child + ", Current directory: C:\\build\\");
    }

    /** An event whose Parent PID column is filled, as in an export with that column. */
    Capture withParent(double ms, String process, int pid, int parentPid, String op, String path, String detail) {
        long time = Math.round(ms * Timeline.TICKS_PER_MILLI);
        analyzer.accept(new Event(++record, time, process, pid, Event.UNKNOWN, op, Operation.of(op), path, "SUCCESS",
                detail, parentPid, "", "", Event.UNKNOWN));
        return this;
    }

    Capture listRefuted() {
        analyzer.listRefutedRaces(true);
        return this;
    }

    Capture refused(double ms, String process, int pid, String path) {
        return event(ms, process, pid, 1, "CreateFile", path, "SHARING VIOLATION", READ_REFUSED);
    }

    Capture close(double ms, String process, int pid, String path) {
        return event(ms, process, pid, 1, "CloseFile", path, "SUCCESS", "");
    }

    Capture write(double ms, String process, int pid, String path) {
        return event(ms, process, pid, 1, "WriteFile", path, "SUCCESS", "Offset: 0, Length: 1,024, Priority: Normal");
    }

    Capture spawn(double ms, String parent, int parentPid, String child, int childPid) {
        event(ms, parent, parentPid, 2, "Process Create", "C:\\Windows\\System32\\" + child, "SUCCESS",
                "PID: " + childPid + ", Command line: " + child + " /c something");
        return event(ms + 0.1, child, childPid, 3, "Process Start", "", "SUCCESS",
                "Parent PID: " + parentPid + ", Command line: " + child + " /c something, Current directory: C:\\build\\");
    }

    Capture exit(double ms, String process, int pid) {
        return event(ms, process, pid, 3, "Process Exit", "", "SUCCESS", "Exit Status: 0, User Time: 0.0000000 seconds");
    }

    AnalysisResult finish() {
        return analyzer.finish(0);
    }

    static <T extends Finding> List<T> of(AnalysisResult result, Class<T> type) {
        return result.findings().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
