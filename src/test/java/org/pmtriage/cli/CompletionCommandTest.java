package org.pmtriage.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts are generated from the command model and complete what the tool takes. */
class CompletionCommandTest {

    private static final Path BASH = Path.of("/bin/bash");

    @TempDir
    Path dir;

    /** Runs bash's completion function on a command line, as bash does on Tab, and returns the candidates. */
    private String complete(Path script, String... words) throws IOException, InterruptedException {
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w).append('\'');
        }
        String line = String.join(" ", words);
        String probe = "source '" + script + "'\nCOMP_WORDS=(" + array + ")\nCOMP_CWORD=" + (words.length - 1)
                + "\nCOMP_LINE='" + line + "'\nCOMP_POINT=${#COMP_LINE}\n_complete_pmtriage 2>/dev/null\n"
                + "echo \"${COMPREPLY[*]}\"\n";
        Process bash = new ProcessBuilder(BASH.toString(), "-c", probe).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, bash.waitFor(), out);
        return out;
    }

    @Test
    void bashCompletesCommandsOptionsAndValues() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BASH), "no bash here");
        CliRun run = CliRun.of("completion", "bash");
        assertEquals(0, run.code(), run.err());
        Path script = Files.writeString(dir.resolve("pmtriage.bash"), run.out());
        assertEquals("convert completion", complete(script, "pmtriage", "co"));
        assertEquals("--format", complete(script, "pmtriage", "analyze", "--fo"));
        assertEquals("text json jsonl junit markdown github", complete(script, "pmtriage", "analyze", "-f", ""));
        assertEquals("--processes", complete(script, "pmtriage", "stats", "--pro"));
        assertEquals("bash zsh powershell", complete(script, "pmtriage", "completion", ""));
    }

    @Test
    void zshUsesTheSameScriptThroughBashcompinit() {
        String zsh = CliRun.of("completion", "ZSH").out();
        assertEquals(CliRun.of("completion", "bash").out(), zsh);
        assertTrue(zsh.contains("autoload -U +X bashcompinit && bashcompinit"), zsh);
    }

    @Test
    void powershellRegistersACompleterWithEveryOptionAndValue() {
        CliRun run = CliRun.of("completion", "powershell");
        assertEquals(0, run.code(), run.err());
        String script = run.out();
        assertTrue(script.contains("Register-ArgumentCompleter -Native -CommandName pmtriage, pmtriage.cmd"), script);
        assertTrue(script.contains("        '' = @('analyze', 'stats', 'convert', 'completion', 'help', '-h', '--help',"
                + " '-V', '--version')\n"), script);
        assertTrue(script.contains("        'analyze --format' = @('text', 'json', 'jsonl', 'junit', 'markdown',"
                + " 'github')\n"), script);
        assertTrue(script.contains("        'completion ' = @('bash', 'zsh', 'powershell')\n"), script);
        for (String option : List.of("'--window'", "'-w'", "'-j'", "'-q'", "'--time-zone'", "'--processes'", "'--to'")) {
            assertTrue(script.contains(option), option);
        }
        assertEquals(script.chars().filter(c -> c == '{').count(), script.chars().filter(c -> c == '}').count());
        assertEquals(script.chars().filter(c -> c == '(').count(), script.chars().filter(c -> c == ')').count());
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun run = CliRun.of("completion", "fish");
        assertEquals(2, run.code());
        assertEquals("pmtriage completion: Invalid value for positional parameter at index 0 (SHELL): expected one of"
                + " [bash, zsh, powershell] (case-insensitive) but was 'fish'\nTry 'pmtriage help completion'\n", run.err());
    }
}
