/**
 * The immutable event model shared by every reader and the analysis: one {@link org.pmtriage.event.Event}
 * per log record, its normalized {@link org.pmtriage.event.Operation}, and parsers for the Detail
 * texts the analysis needs ({@link org.pmtriage.event.CreateFileDetail},
 * {@link org.pmtriage.event.ProcessDetail}).
 *
 * <p>Nothing here knows a file format: readers build events, the analysis consumes them.
 */
package org.pmtriage.event;
