package org.pmtriage.report;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

import com.fasterxml.jackson.core.JsonGenerator;

/** JSON generators on a report's output that leave the output open when they close. */
final class JsonOutput {

    private JsonOutput() {
    }

    /** @return a pretty-printing generator (a document) on {@code out} */
    static JsonGenerator pretty(Writer out) throws IOException {
        return line(out).useDefaultPrettyPrinter();
    }

    /** @return a compact generator (one line) on {@code out} */
    static JsonGenerator line(Writer out) throws IOException {
        return JsonReport.mapper().getFactory().createGenerator(new NonClosing(out));
    }

    /** Keeps a generator from closing the report's output when it closes. */
    private static final class NonClosing extends FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
