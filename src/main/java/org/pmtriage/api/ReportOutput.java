package org.pmtriage.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/** The caller's writer as the report writers take it, and its errors, which a {@link PrintWriter} keeps to itself. */
final class ReportOutput {

    private ReportOutput() {
    }

    /** A report body that writes to a {@link PrintWriter}. */
    interface Body {
        void write(PrintWriter out) throws IOException;
    }

    /**
     * Writes {@code body} to {@code out}, flushed, not closed.
     *
     * @throws IOException when {@code out} failed
     */
    static void write(Writer out, Body body) throws IOException {
        PrintWriter printer = out instanceof PrintWriter p ? p : new PrintWriter(out);
        body.write(printer);
        printer.flush();
        if (printer != out && printer.checkError()) {
            throw new IOException("cannot write the report");
        }
    }
}
