/**
 * The entry of reading: {@link org.pmtriage.read.open.LogReaders} recognizes a log's format by
 * its content (gzip, {@code PML_}, XML, a CSV header) and opens the matching reader. The only
 * package that knows every format; no format knows it.
 */
package org.pmtriage.read.open;
