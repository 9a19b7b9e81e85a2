package org.pmtriage.api;

import java.io.IOException;
import java.io.PrintWriter;

import org.pmtriage.report.BatchReport;

/**
 * The formats a report is written in ({@code docs/report-format.md}).
 *
 * <pre>{@code
 * LogAnalysis analysis = LogAnalysis.of("samples/flaky-build.csv", AnalysisOptions.defaults());
 * try (Writer page = Files.newBufferedWriter(Path.of("report.html"))) {
 *     analysis.write(ReportFormat.HTML, ReportScope.DEFAULT, page);
 * }
 * }</pre>
 */
public enum ReportFormat {
    /** For people, answer first; several logs: each, then the patterns across them. */
    TEXT {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) {
            batch.text(out, scope.listing());
        }
    },
    /** One JSON document; several logs: a batch document with the view across them. */
    JSON {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) throws IOException {
            batch.json(out, scope.listing());
        }
    },
    /** A JSON line per log, without findings. */
    JSONL {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) throws IOException {
            batch.jsonLines(out, scope.listing());
        }
    },
    /** JUnit XML: each error finding a failed test case. */
    JUNIT {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) throws IOException {
            batch.junit(out);
        }
    },
    /** A CI summary in Markdown. */
    MARKDOWN {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) {
            batch.markdown(out);
        }
    },
    /** GitHub workflow-command annotations. */
    GITHUB {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) {
            batch.github(out);
        }
    },
    /** A self-contained HTML page with a timeline per error incident. */
    HTML {
        @Override
        void write(BatchReport batch, ReportScope scope, PrintWriter out) {
            batch.html(scope.drawnIncidents(), out);
        }
    };

    abstract void write(BatchReport batch, ReportScope scope, PrintWriter out) throws IOException;
}
