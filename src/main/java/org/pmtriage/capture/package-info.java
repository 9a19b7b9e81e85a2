/**
 * {@code pmtriage capture}: runs a build under ProcMon again and again and keeps the logs of the
 * runs that failed. {@link org.pmtriage.capture.CaptureLoop} drives one session behind two small
 * interfaces, {@link org.pmtriage.capture.ProcMon} (start and stop capturing; the real one is
 * {@link org.pmtriage.capture.ProcMonCommand}) and {@link org.pmtriage.capture.Build} (run the build
 * once; {@link org.pmtriage.capture.BuildProcess}), so that the loop is tested on any system with a
 * stand-in ProcMon. {@link org.pmtriage.capture.RunFiles} names, keeps and deletes a run's log
 * with its rollover parts; the analysis of a kept log is handed in as a
 * {@link org.pmtriage.capture.KeptLogAnalysis}; {@link org.pmtriage.capture.CaptureLines} writes
 * what happened. Knows nothing of log formats or findings.
 */
package org.pmtriage.capture;
