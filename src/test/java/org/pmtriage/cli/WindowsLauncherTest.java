package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * {@code bin/pmtriage.cmd} cannot run here; these are the rules that make it right by construction,
 * checked on its text: CRLF line ends, paths always inside double quotes, {@code for /f} running a
 * command (backquotes with usebackq), the exit code passed on.
 */
class WindowsLauncherTest {

    private static final Path CMD = Path.of("bin/pmtriage.cmd");
    private static final Pattern PATH_VARIABLE = Pattern.compile("%(JAR|HOME_DIR)%");

    private static List<String> lines() throws IOException {
        String text = Files.readString(CMD, StandardCharsets.US_ASCII);
        assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, "every line ends in CRLF");
        return text.lines().toList();
    }

    @Test
    void everyPathIsQuoted() throws IOException {
        for (String line : lines()) {
            if (line.startsWith("rem ")) {
                continue;
            }
            assertEquals(0, line.chars().filter(c -> c == '"').count() % 2, "unbalanced quotes: " + line);
            Matcher m = PATH_VARIABLE.matcher(line);
            while (m.find()) {
                long quotesBefore = line.substring(0, m.start()).chars().filter(c -> c == '"').count();
                assertTrue(quotesBefore % 2 == 1, "unquoted " + m.group() + ": " + line);
            }
        }
    }

    @Test
    void forFRunsItsCommand() throws IOException {
        List<String> loops = lines().stream().filter(l -> l.contains("for /f")).toList();
        assertEquals(1, loops.size());
        assertTrue(loops.get(0).matches(".*for /f \"usebackq delims=\" %%n in \\(`powershell [^`]+`\\) do set \"NEWER=%%n\""),
                loops.get(0));
    }

    @Test
    void theExitCodeIsPassedOn() throws IOException {
        List<String> lines = lines();
        assertEquals("java %GC% %HEAP% %JAVA_OPTS% -jar \"%JAR%\" %*", lines.get(lines.size() - 2));
        assertEquals("exit /b %ERRORLEVEL%", lines.get(lines.size() - 1));
        assertTrue(lines.contains("  if errorlevel 1 (echo pmtriage: build failed 1>&2 & exit /b 3)"));
        assertTrue(lines.size() <= 30, "small enough to review by eye");
    }
}
