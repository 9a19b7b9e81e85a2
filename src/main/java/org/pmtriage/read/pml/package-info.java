/**
 * The reader of ProcMon's native log format (PML version 9), public through
 * {@link org.pmtriage.read.pml.PmlEventReader}. The format is described in
 * {@code ../shared/docs/PML-FORMAT.md}; the classes here follow its recommended design: header
 * and tables loaded at open, events positioned from the offsets array and read through a
 * fixed-size window of positional reads, details decoded only where the analysis or the output
 * needs them, every offset checked against the file's structure.
 *
 * <p>Operation and result names agree with the tables of procmon-parser (MIT, Ely Ronnen) and
 * were checked against the CSVs ProcMon exported from the same captures.
 */
package org.pmtriage.read.pml;
