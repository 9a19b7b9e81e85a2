/**
 * Reports: a {@link org.pmtriage.report.Report} (the input, the analysis result and its incidents)
 * written as text for people, answer first ({@link org.pmtriage.report.TextReport}), as JSON for
 * scripts ({@link org.pmtriage.report.JsonReport}, documented in {@code docs/report-format.md}),
 * or as a self-contained HTML page with an SVG timeline per error incident
 * ({@link org.pmtriage.report.HtmlReport}); the view across many logs
 * ({@link org.pmtriage.report.AcrossLogsReport}), also from JSON reports read back
 * ({@link org.pmtriage.report.ReportDocuments}).
 * Reports see findings and incidents only, never events or formats.
 */
package org.pmtriage.report;
