package org.pmtriage.robust;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.pmtriage.cli.Main;

/** Runs the command line in-process and keeps what it printed. */
record Cli(int code, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        Cli run = new Cli(code, out.toString(), err.toString());
        if (!List.of(args).contains("--debug")) {
            run.assertNoStackTrace();
        }
        return run;
    }

    /** Runs with {@code stdin} as standard input (for the {@code -} argument). */
    static Cli withStdin(byte[] stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** @return what was printed on standard error, without the trailing line break */
    String error() {
        return err.stripTrailing();
    }

    private void assertNoStackTrace() {
        assertFalse(err.contains("\tat ") || err.contains("Exception:") || err.contains("Exception\n"),
                "a stack trace or raw exception reached the user:\n" + err);
    }
}
