package org.pmtriage.report;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.Analyzer;
import org.pmtriage.event.Event;
import org.pmtriage.event.Timeline;

/**
 * The flaky-build story through the real analysis: python.exe opens parser_tab.cpp, spawns cmd.exe
 * 18.9 ms later, cmd.exe spawns cl.exe, which is refused the file, and cmd.exe closes it. Then a
 * redirected link.log handed over to link.exe (a spawn race and an informational finding) and a
 * file still open at the end.
 */
final class StoryCapture {

    static final String CPP = "C:\\build\\gen\\parser_tab.cpp";
    static final String LOG = "C:\\build\\link.log";

    private final List<Event> events = new ArrayList<>();

    private StoryCapture() {
    }

    /** @return the report of the story */
    static Report report() {
        StoryCapture c = new StoryCapture();
        c.add(0, "python.exe", 4312, "CreateFile", CPP, "SUCCESS",
                "Desired Access: Generic Write, Read Attributes, Disposition: OverwriteIf, ShareMode: None, OpenResult: Created");
        c.add(0.5, "python.exe", 4312, "WriteFile", CPP, "SUCCESS", "Offset: 0, Length: 4,096");
        c.add(18.9, "python.exe", 4312, "Process Create", "C:\\Windows\\System32\\cmd.exe", "SUCCESS",
                "PID: 5120, Command line: cmd.exe /c cl.exe parser_tab.cpp");
        c.add(19, "cmd.exe", 5120, "Process Start", "", "SUCCESS", "Parent PID: 4312");
        c.add(30, "cmd.exe", 5120, "Process Create", "C:\\bin\\cl.exe", "SUCCESS", "PID: 6000, Command line: cl.exe parser_tab.cpp");
        c.add(30.1, "cl.exe", 6000, "Process Start", "", "SUCCESS", "Parent PID: 5120");
        c.add(40, "cl.exe", 6000, "CreateFile", CPP, "SHARING VIOLATION", "Desired Access: Generic Read, Disposition: Open, ShareMode: Read");
        c.add(45, "cl.exe", 6000, "Process Exit", "", "SUCCESS", "Exit Status: 2");
        c.add(500, "cmd.exe", 5120, "CloseFile", CPP, "SUCCESS", "");
        c.add(501, "cmd.exe", 5120, "Process Exit", "", "SUCCESS", "Exit Status: 2");
        c.add(600, "python.exe", 4312, "CreateFile", LOG, "SUCCESS",
                "Desired Access: Generic Write, Disposition: OpenIf, ShareMode: Read, Write, OpenResult: Opened");
        c.add(600.5, "python.exe", 4312, "Process Create", "C:\\bin\\link.exe", "SUCCESS", "PID: 7000, Command line: link.exe /out:a.exe");
        c.add(600.6, "link.exe", 7000, "Process Start", "", "SUCCESS", "Parent PID: 4312");
        c.add(610, "link.exe", 7000, "WriteFile", LOG, "SUCCESS", "Offset: 0, Length: 80");
        c.add(700, "link.exe", 7000, "CloseFile", LOG, "SUCCESS", "");
        c.add(800, "python.exe", 4312, "CreateFile", "C:\\build\\out.txt", "SUCCESS",
                "Desired Access: Generic Write, Disposition: OverwriteIf, ShareMode: Read, OpenResult: Created");
        return c.analyze();
    }

    private void add(double ms, String process, int pid, String op, String path, String result, String detail) {
        long time = 13 * 3600 * Timeline.TICKS_PER_SECOND + 12 * 60 * Timeline.TICKS_PER_SECOND
                + Math.round(ms * Timeline.TICKS_PER_MILLI);
        events.add(Event.basic(events.size() + 1, time, process, pid, op, path, result, detail));
    }

    private Report analyze() {
        Analyzer analyzer = new Analyzer(Analyzer.DEFAULT_WINDOW, w -> { });
        events.forEach(analyzer::accept);
        AnalysisResult result = analyzer.finish(0);
        return new Report("samples/story.csv", "csv", result);
    }
}
