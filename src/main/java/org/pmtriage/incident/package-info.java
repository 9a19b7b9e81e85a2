/**
 * One story per root cause. {@link org.pmtriage.incident.Incidents#of} links the findings of one
 * {@link org.pmtriage.analysis.AnalysisResult} that tell one story (a leaked or raced file object,
 * the spawns that carried it, the sharing violations it explains, the processes that failed) into
 * {@link org.pmtriage.incident.Incident}s, and folds incidents that share a cause into
 * {@link org.pmtriage.incident.Pattern}s keyed by a {@link org.pmtriage.incident.PatternKey}.
 * {@link org.pmtriage.incident.PatternRanking} ranks patterns across many logs.
 *
 * <p>Fed by analysis results only: nothing here knows a log format or a report format.
 */
package org.pmtriage.incident;
