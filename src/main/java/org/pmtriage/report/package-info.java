/**
 * Reports: a {@link org.pmtriage.report.Report} (the input and the analysis result) written as
 * text for people ({@link org.pmtriage.report.TextReport}) or as JSON for scripts
 * ({@link org.pmtriage.report.JsonReport}, documented in {@code docs/report-format.md}), or as a
 * self-contained HTML page with an SVG timeline per error finding
 * ({@link org.pmtriage.report.HtmlReport}).
 * Reports see findings only, never events or formats.
 */
package org.pmtriage.report;
