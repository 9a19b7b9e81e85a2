package org.pmtriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.analysis.CaptureSummary;
import org.pmtriage.analysis.FileOpen;
import org.pmtriage.analysis.FileUse;
import org.pmtriage.analysis.Finding;
import org.pmtriage.analysis.FindingKind;
import org.pmtriage.analysis.InheritedHandle;
import org.pmtriage.analysis.OpenAtEnd;
import org.pmtriage.analysis.ProcessRef;
import org.pmtriage.analysis.RaceGrade;
import org.pmtriage.analysis.Severity;
import org.pmtriage.analysis.SharingViolation;
import org.pmtriage.analysis.Spawn;
import org.pmtriage.analysis.SpawnRace;
import org.pmtriage.event.Timeline;

class HtmlReportTest {

    @Test
    void leakIsDrawnWithAMarkPerEventAndItsEventsListed() {
        String page = page(HtmlReport.DEFAULT_DETAILS, StoryCapture.report());
        String leak = article(page, "log-1-i1");
        assertTrue(leak.contains("i1: python.exe (4312) leaked C:\\build\\gen\\parser_tab.cpp into cmd.exe (5120) 18.9 ms"
                + " after opening it; cl.exe (6000) then failed with SHARING VIOLATION (exit status 2)</h4>"), leak);
        assertEquals(1, count(leak, "class=\"mark open\""));
        assertEquals(1, count(leak, "class=\"mark use\""));
        assertEquals(2, count(leak, "class=\"mark spawn\""), "python -> cmd, and cmd -> cl from the violation");
        assertEquals(1, count(leak, "class=\"mark refused\""));
        assertEquals(1, count(leak, "class=\"mark close\""));
        assertEquals(1, count(leak, "class=\"mark exit\""), "cl.exe exits on the axis");
        assertEquals(1, count(leak, "class=\"mark exit offscale\""), "cmd.exe exits just past its CloseFile, the axis end");
        assertEquals(3, count(leak, "class=\"lane-name\""), "python, cmd, cl: one lane each");
        assertEquals(1, count(leak, "class=\"axis-break\""), "the 460 ms before the close are cut short");
        assertTrue(leak.contains(">open \u2192 spawn 18.9 ms</text>"), "the spawn gap is written on the axis, named");
        assertTrue(leak.contains("18.9 ms later it spawned cmd.exe (5120)"), leak);
        for (String record : List.of("1", "2", "3", "5", "7", "9")) {
            assertTrue(leak.contains("<tr class=\"") && leak.contains("data-record=\"" + record + "\"><td class=\"num\">"
                    + record + "</td>"), "event row of record " + record);
        }
        assertTrue(leak.contains("<title>CreateFile by python.exe (4312) at 13:12:00.0000000 (+0.0 ms), record 1."), leak);
        assertEquals(1, count(page, "<article "), "the sharing violation is part of the leak's incident, not drawn again");
        String tree = leak.substring(leak.indexOf("<div class=\"tree\">"));
        assertTrue(tree.indexOf("python.exe (4312)") < tree.indexOf("cmd.exe (5120)")
                && tree.indexOf("cmd.exe (5120)") < tree.indexOf("cl.exe (6000)"), tree);
    }

    @Test
    void violationAloneShowsItsHolder() {
        Finding alone = StoryCapture.report().result().findings().stream().filter(f -> f instanceof SharingViolation)
                .findFirst().orElseThrow();
        String violation = article(page(HtmlReport.DEFAULT_DETAILS, report(List.of(alone))), "log-1-i1");
        assertTrue(violation.contains("cl.exe (6000) was refused the file [Generic Read; share: Read]"), violation);
        assertTrue(violation.contains("Held by python.exe (4312) since 40.0 ms before"), violation);
        assertEquals(1, count(violation, "class=\"mark refused\""));
        assertEquals(0, count(violation, "class=\"mark close\""), "no close is known without the leak");
    }

    @Test
    void repeatedIoOnALaneIsOneLabelledRun() {
        ProcessRef opener = new ProcessRef(1, "python.exe", "", ProcessRef.UNKNOWN_TIME, ProcessRef.UNKNOWN_TIME);
        ProcessRef child = new ProcessRef(2, "cmd.exe", "", 500, 5000);
        List<FileUse> uses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            uses.add(new FileUse(opener, "WriteFile", 100 + 10L * i, 10 + i));
        }
        FileOpen open = new FileOpen(opener, 1, 0, 1, "Generic Write", "None", true, uses, 6);
        Finding leak = new InheritedHandle("C:\\b\\x.cpp", InheritedHandle.Verdict.LEAKED, open, child, 4000, 40,
                List.of(new Spawn(opener, child, 500, 20)), List.of(), InheritedHandle.Evidence.SPAWNS, Severity.ERROR,
                "leaked");
        String article = article(page(HtmlReport.DEFAULT_DETAILS, report(List.of(leak))), "log-1-i1");
        assertEquals(6, count(article, "class=\"mark use\""), "every write keeps its mark");
        assertEquals(1, count(article, ">WriteFile \u00d76</text>"), "one label for the run");
        assertEquals(0, count(article, ">WriteFile</text>"));
    }

    @Test
    void summaryAndTableCarryEverythingElse() {
        String page = page(HtmlReport.DEFAULT_DETAILS, StoryCapture.report());
        assertTrue(page.contains("<dt>Events</dt><dd>16</dd>"), page);
        assertTrue(page.contains("<dt>Capture health</dt><dd class=\"health\" data-id=\"no-tids\">the log has no thread"
                + " IDs"), "what the capture lacks is said");
        assertTrue(page.contains("<dt>Time span</dt><dd>13:12:00.0000000 to 13:12:00.8000000 (800.0 ms)</dd>"), page);
        assertTrue(page.contains("<tr><th scope=\"row\">inherited-handle</th><td class=\"num error\">1</td>"
                + "<td class=\"num\">0</td><td class=\"num info\">1</td><td class=\"num\">2</td></tr>"), page);
        String table = page.substring(page.indexOf("<table class=\"findings sortable\""));
        assertEquals(3, count(table, "<tr class=\""), "the link.log race and hand-over, an open at the end");
        String patterns = page.substring(page.indexOf("<table class=\"patterns sortable\""));
        assertTrue(patterns.contains("<code>inherited-handle leaked: python.exe -&gt; cmd.exe, gen\\*.cpp</code>"), patterns);
        assertTrue(patterns.contains("<li><a href=\"#log-1-i1\">i1</a>: python.exe (4312) leaked"), patterns);
        assertTrue(table.contains("handed-over: link.exe (7000) used it: a hand-over by design, as redirection does;"
                + " closed by the child"), table);
        assertTrue(table.contains("never closed"), table);
        String outside = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertFalse(outside.contains("http:") || outside.contains("https:") || outside.contains(" src="),
                "nothing is fetched");
        assertTrue(page.contains("content=\"default-src 'none';"), "and the page's policy forbids it");
    }

    @Test
    void detailsOptionLimitsTheDrawnFindings() {
        String page = page(1, StoryCapture.report());
        assertEquals(1, count(page, "<article "));
        assertTrue(article(page, "log-1-i1").contains("was refused the file"), page);
        String none = page(0, StoryCapture.report());
        assertEquals(0, count(none, "<article "));
        assertTrue(none.contains("1 more error incident(s) are rows of the tables"), none);
        assertFalse(none.contains("href=\"#log-1-i1\""), "no link to an incident that is not drawn");
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport(-1));
    }

    @Test
    void logTextIsEscapedAndCut() {
        ProcessRef victim = new ProcessRef(66, "evil\"<b>.exe", "x".repeat(5_000_000), 0, ProcessRef.UNKNOWN_TIME);
        String path = "C:\\<script>alert(1)</script>\u0000\ud800" + "y".repeat(1000);
        Finding f = new SharingViolation(path, victim, 1, 10, 3, "Generic Read", "Read", List.of(),
                SharingViolation.Cause.UNEXPLAINED, List.of(), "no live process held an open object on this path");
        String page = page(50, report(List.of(f)));
        assertFalse(page.contains("<script>alert"), "markup from the log is escaped");
        assertFalse(page.contains("<b>"), "markup from the log is escaped");
        assertTrue(page.contains("C:\\&lt;script&gt;alert(1)&lt;/script&gt;\ufffd\ufffd"), "control characters replaced");
        assertTrue(page.contains(" more characters)"), "long text is cut");
        assertTrue(page.length() < 100_000, "a 5 MB command line is cut: " + page.length());
        assertTrue(page.contains("No open object on this path is known"), page);
    }

    @Test
    void severalLogsShareThePageAndUnreadOnesAreNamed() {
        StringWriter out = new StringWriter();
        new HtmlReport(50).write(List.of(StoryCapture.report(), report(List.of())), List.of("bad.csv:1: not a ProcMon CSV export"),
                new PrintWriter(out));
        String page = out.toString();
        assertTrue(page.contains("<p class=\"unread\">Not read: bad.csv:1: not a ProcMon CSV export</p>"), page);
        assertTrue(page.contains("<a href=\"#log-1\">samples/story.csv</a>") && page.contains("<a href=\"#log-2\">"), page);
        assertTrue(page.contains("<section class=\"log\" id=\"log-2\""), page);
        assertTrue(page.contains("<p class=\"verdict ok\">no error</p>"), page);
    }

    /** The bound the issue asks for: a capture with 100,000 findings still gives a page of a few megabytes. */
    @Test
    void pageSizeIsBoundedWhateverTheNumberOfFindings() {
        List<Finding> findings = new ArrayList<>();
        String cmd = "cmd.exe /c " + "c".repeat(10_000);
        for (int i = 0; i < 100_000; i++) {
            String path = "C:\\build\\gen\\" + "d".repeat(200) + "\\file" + i + ".cpp";
            ProcessRef opener = new ProcessRef(1000 + i % 50, "python.exe", cmd, ProcessRef.UNKNOWN_TIME, 9_000_000L + i);
            ProcessRef child = new ProcessRef(20_000 + i, "cmd.exe", cmd, 100L * i + 50, 100L * i + 90);
            List<FileUse> uses = List.of(new FileUse(opener, "WriteFile", 100L * i + 1, 4L * i + 1),
                    new FileUse(child, "WriteFile", 100L * i + 60, 4L * i + 2));
            FileOpen open = new FileOpen(opener, 7, 100L * i, 4L * i, "Generic Write", "None", true, uses, 2);
            Spawn spawn = new Spawn(opener, child, 100L * i + 50, 4L * i + 3);
            findings.add(switch (i % 4) {
                case 0 -> new InheritedHandle(path, InheritedHandle.Verdict.LEAKED, open, child, 100L * i + 80, 4L * i + 3,
                        List.of(spawn), List.of(), InheritedHandle.Evidence.SPAWNS, Severity.ERROR, "leaked");
                case 1 -> new SharingViolation(path, child, 3, 100L * i + 70, 4L * i + 3, "Generic Read", "Read",
                        List.of(new SharingViolation.Holder(open, List.of(spawn, spawn, spawn), true, true, path),
                                new SharingViolation.Holder(open, List.of(spawn), true, true, path)),
                        SharingViolation.Cause.HELD, List.of(), "held");
                case 2 -> new SpawnRace(path, open, spawn, 8, RaceGrade.LIKELY, "another thread", true, true);
                default -> new OpenAtEnd(path, open, List.of(spawn));
            });
        }
        findings.sort(java.util.Comparator.comparing(Finding::severity));
        String page = page(HtmlReport.DEFAULT_DETAILS, report(findings));
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 3_000_000, "page of " + bytes + " bytes");
        assertEquals(HtmlReport.DEFAULT_DETAILS, count(page, "<article "));
        assertTrue(page.contains("49,950 more error incident(s) are rows of the tables"), "the rest are counted");
        assertTrue(page.contains("98,950 more finding(s) are not listed on this page"), "beyond the table");
    }

    /** The worst a hostile log can do to a drawn finding: huge names, thousands of holders, each with many spawns. */
    @Test
    void pageSizeIsBoundedWhateverTheFindingsHold() {
        String big = "x".repeat(10_000);
        String name = "c".repeat(1000);
        List<SharingViolation.Holder> holders = new ArrayList<>();
        for (int h = 0; h < 2_000; h++) {
            ProcessRef opener = new ProcessRef(h, "n".repeat(1000) + h, big, h, 1_000_000 + h);
            List<FileUse> uses = new ArrayList<>();
            List<Spawn> spawns = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ProcessRef child = new ProcessRef(100_000 + h * 100 + i, name, big, 500 + i, 900_000 + i);
                spawns.add(new Spawn(opener, child, 500 + i, i));
                if (i < 8) {
                    uses.add(new FileUse(child, name, 600 + i, i));
                }
            }
            holders.add(new SharingViolation.Holder(new FileOpen(opener, 1, h, h, big, big, true, uses, 8), spawns, true,
                    true, big));
        }
        ProcessRef victim = new ProcessRef(9, "v".repeat(1000), big, 0, ProcessRef.UNKNOWN_TIME);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 10 * HtmlReport.DEFAULT_DETAILS; i++) {
            findings.add(new SharingViolation("C:\\" + "p".repeat(5000), victim, 1, 700, 1, big, big, holders,
                    SharingViolation.Cause.HELD, List.of(), big));
        }
        String page = page(HtmlReport.DEFAULT_DETAILS, report(findings));
        int bytes = page.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 3_000_000, "page of " + bytes + " bytes");
        assertEquals(1, count(page, "<article "), "every refusal by the same holder is one incident");
        assertTrue(count(article(page, "log-1-i1"), "<tr class=\"") <= FindingDetail.MAX_EVENTS);
        assertTrue(count(article(page, "log-1-i1"), "class=\"lane-name\"") <= TimelineSvg.MAX_LANES);
    }

    static String page(int details, Report report) {
        StringWriter out = new StringWriter();
        new HtmlReport(details).write(List.of(report), List.of(), new PrintWriter(out));
        return out.toString();
    }

    private static Report report(List<Finding> findings) {
        CaptureSummary summary = new CaptureSummary(findings.size() * 10L, Map.of(), 3, 0, Timeline.TICKS_PER_SECOND, 0, 0,
                List.of());
        Map<FindingKind, Long> counts = new java.util.EnumMap<>(FindingKind.class);
        findings.forEach(f -> counts.merge(f.kind(), 1L, Long::sum));
        return new Report("hostile.csv", "csv", new AnalysisResult(summary, findings, counts, Map.of()));
    }

    static String article(String page, String id) {
        int start = page.indexOf("<article class=\"finding error\" id=\"" + id + "\">");
        assertTrue(start >= 0, "no article " + id);
        return page.substring(start, page.indexOf("</article>", start));
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
