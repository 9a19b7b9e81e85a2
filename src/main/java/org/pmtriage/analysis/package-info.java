/**
 * The one pass over a log's events: {@link org.pmtriage.analysis.Analyzer} feeds each event to
 * the {@link org.pmtriage.analysis.ProcessTree} (processes as PID plus lifetime) and the
 * {@link org.pmtriage.analysis.HandleTracker} (file objects from CreateFile to CloseFile, across
 * inheritance), which raise the {@link org.pmtriage.analysis.Finding}s.
 *
 * <p>Memory is bounded by open file objects and live processes, never by the number of events.
 * Nothing here knows a file format.
 */
package org.pmtriage.analysis;
