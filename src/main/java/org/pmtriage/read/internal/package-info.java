/**
 * What the readers share and nobody outside reading should need: the readers' common base
 * ({@code EventReaderBase}) and the bad-record policy at work ({@code BadRecords}), times of day
 * and export dates ({@code TimeOfDay}, {@code DayRollover}, {@code ExportDate}), the text budget
 * ({@code TextBudget}), what a real capture holds at most ({@code RealCaptures}), byte plumbing
 * ({@code TextEncoding}, the one encoding sniffer; {@code GzipInput}, {@code Utf8Transcoder},
 * {@code CountingInputStream}, {@code ByteWords}), repeated byte values decoded once ({@code InternedStrings}) and the read-ahead thread ({@code ReadAhead}). It depends only on {@code org.pmtriage.read} and the
 * event model; the module does not export it.
 */
package org.pmtriage.read.internal;
