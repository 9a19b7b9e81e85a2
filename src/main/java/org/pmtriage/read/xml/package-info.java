/**
 * The reader of ProcMon's XML export, {@link org.pmtriage.read.xml.XmlEventReader}: a streaming
 * StAX (Aalto) pass over {@code <processlist>} and {@code <eventlist>} that builds the same
 * {@link org.pmtriage.event.Event}s as the CSV reader, plus each event's process index and the
 * log's process table. Hardened against hostile XML: no DTD, no external or custom entities,
 * bounded element text.
 */
package org.pmtriage.read.xml;
