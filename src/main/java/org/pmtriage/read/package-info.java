/**
 * Readers: one per log format behind one pull interface, {@link org.pmtriage.read.EventReader}.
 * {@link org.pmtriage.read.LogReaders#open} recognizes the format by content (CSV, XML, PML, any
 * of them gzip-compressed) and returns the matching reader. Readers know nothing of the analysis.
 *
 * <p>Malformed input is handled by one {@link org.pmtriage.read.BadRecordPolicy}: skip and count
 * bad records, or stop at the first with a {@link org.pmtriage.read.LogFormatException} whose
 * message names the file and the position.
 */
package org.pmtriage.read;
