/**
 * The reader of ProcMon's CSV export, {@link org.pmtriage.read.csv.CsvEventReader}, over its own
 * byte-level scanner ({@code CsvScanner}), which splits records without decoding the fields
 * nobody asks for.
 */
package org.pmtriage.read.csv;
