package org.pmtriage.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the page in headless Chromium (Debian packages {@code chromium}, {@code chromium-driver})
 * and reads back the DOM after the page's script ran. Skipped where no Chromium is installed.
 */
class HtmlReportBrowserTest {

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    private static Path browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void findBrowser() {
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String name : BROWSERS) {
            for (String d : pathVariable.split(File.pathSeparator)) {
                Path candidate = Path.of(d, name);
                if (!d.isEmpty() && Files.isExecutable(candidate)) {
                    browser = candidate;
                    return;
                }
            }
        }
    }

    @Test
    void pageRunsWithoutScriptErrorsAndDrawsTheMarks() throws Exception {
        String dom = render(page(), "");
        assertTrue(dom.contains("data-ready=\"true\""), "the page's script ran to its end");
        assertEquals("", scriptErrors(dom), "script errors");
        String leak = HtmlReportTest.article(dom, "log-1-i1");
        assertEquals(1, HtmlReportTest.count(leak, "class=\"mark open\""));
        assertEquals(2, HtmlReportTest.count(leak, "class=\"mark spawn\""));
        assertEquals(1, HtmlReportTest.count(leak, "class=\"mark refused\""));
        assertEquals(1, HtmlReportTest.count(leak, "class=\"mark close\""));
        assertEquals(1, HtmlReportTest.count(leak, "class=\"mark use\""));
        assertTrue(HtmlReportTest.count(leak, "<text") > 20, "labels are real text");
    }

    @Test
    void headersSortTheTable() throws Exception {
        String clicks = "<script>var b = document.querySelectorAll('table.findings.sortable th button');"
                + "b[1].click(); b[1].click();"
                + "document.body.setAttribute('data-kinds', Array.prototype.map.call("
                + "document.querySelectorAll('table.findings.sortable tbody tr'), function (r) { return r.cells[1].textContent; }).join(','));"
                + "document.body.setAttribute('data-sort', b[1].parentNode.getAttribute('aria-sort'));</script>";
        String dom = render(page(), clicks);
        assertEquals("", scriptErrors(dom));
        assertTrue(dom.contains("data-kinds=\"spawn-race,open-at-end,inherited-handle\""), attributes(dom));
        assertTrue(dom.contains("data-sort=\"descending\""), attributes(dom));
    }

    /** The check the other tests rely on: a script error does show in the dumped page. */
    @Test
    void scriptErrorsAreRecordedInThePage() throws Exception {
        String dom = render(page(), "<script>undefinedFunction();</script>");
        assertTrue(scriptErrors(dom).contains("undefinedFunction is not defined"), scriptErrors(dom));
    }

    private String page() {
        return HtmlReportTest.page(HtmlReport.DEFAULT_DETAILS, StoryCapture.report());
    }

    /** Renders the page, with {@code extra} markup before {@code </body>}, and returns the DOM. */
    private String render(String page, String extra) throws IOException, InterruptedException {
        assumeTrue(browser != null, "no Chromium on the PATH (Debian: apt-get install chromium chromium-driver)");
        Path html = dir.resolve("report.html");
        Files.writeString(html, page.replace("</body>", extra + "</body>"), StandardCharsets.UTF_8);
        Path dom = dir.resolve("dom.html");
        Process chromium = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", html.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(dir.resolve("chromium.log").toFile()).start();
        if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 120 s");
        }
        assertEquals(0, chromium.exitValue(), () -> "Chromium failed: " + read(dir.resolve("chromium.log")));
        return read(dom);
    }

    private static String scriptErrors(String dom) {
        Matcher m = Pattern.compile("<div id=\"script-errors\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the page has its error box");
        return m.group(1);
    }

    private static String attributes(String dom) {
        int body = dom.indexOf("<body");
        return dom.substring(body, dom.indexOf('>', body) + 1);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
