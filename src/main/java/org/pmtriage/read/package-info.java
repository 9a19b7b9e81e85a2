/**
 * What every reader of a log shares with its users: the pull interface
 * {@link org.pmtriage.read.EventReader}, how to read ({@link org.pmtriage.read.ReadOptions},
 * {@link org.pmtriage.read.Decoding}, {@link org.pmtriage.read.BadRecordPolicy}), the formats
 * ({@link org.pmtriage.read.InputFormat}) and the one error of unreadable input,
 * {@link org.pmtriage.read.LogFormatException}, which carries its position as data.
 *
 * <p>The bottom of the reading layers: it depends on the event model only. Above it,
 * {@code read.internal} holds what the readers share, {@code read.csv}, {@code read.xml} and
 * {@code read.pml} one reader each, and {@code read.open.LogReaders} on top recognizes a log's
 * format by its content and opens the matching reader. Readers know nothing of the analysis.
 */
package org.pmtriage.read;
