/**
 * The public Java API, for scripts and build tools on the JVM (a Jenkins or Gradle plugin, a Groovy
 * triage script) and for pmtriage's own command line, which uses nothing else of the analysis:
 * open a log and iterate its events ({@link org.pmtriage.api.EventLogs}), analyze one log
 * ({@link org.pmtriage.api.LogAnalysis}: findings, incidents, capture health, summary) or several
 * side by side ({@link org.pmtriage.api.BatchAnalysis}), write any {@link org.pmtriage.api.ReportFormat},
 * decide pass or fail by a {@link org.pmtriage.api.FailPolicy} ({@link org.pmtriage.api.Verdict}),
 * convert events ({@link org.pmtriage.api.EventConversion}), count what logs hold
 * ({@link org.pmtriage.api.LogStatistics}) and rank patterns across logs
 * ({@link org.pmtriage.api.PatternSummary}).
 *
 * <pre>{@code
 * LogAnalysis analysis = LogAnalysis.of("samples/flaky-build.csv", AnalysisOptions.defaults());
 * for (Incident incident : analysis.incidents()) {
 *     System.out.println(incident.severity().label() + " " + incident.path());
 * }
 * analysis.write(ReportFormat.TEXT, ReportScope.DEFAULT, new PrintWriter(System.out));
 * boolean failed = analysis.fails(FailPolicy.DEFAULT);
 * }</pre>
 *
 * <p>Reading options are {@link org.pmtriage.read.ReadOptions}; an unreadable log is a
 * {@link org.pmtriage.read.LogFormatException} with its file, position and reason as data. The
 * model returned (findings, incidents, the capture summary) is the immutable records of
 * {@code org.pmtriage.analysis} and {@code org.pmtriage.incident}.
 */
package org.pmtriage.api;
