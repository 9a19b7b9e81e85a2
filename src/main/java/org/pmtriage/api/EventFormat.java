package org.pmtriage.api;

/**
 * The formats events are exported in ({@code docs/convert.md}).
 *
 * <pre>{@code
 * EventConversion.of(EventFormat.JSONL, "default", ExportLocale.EN_US)
 *         .run("samples/flaky-build.csv", ReadOptions.defaults(), new PrintWriter(System.out));
 * }</pre>
 */
public enum EventFormat {
    /** ProcMon's CSV export, in the columns and locale asked for. */
    CSV,
    /** One JSON object per line; columns and locale do not apply to it. */
    JSONL
}
