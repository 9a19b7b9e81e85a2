/**
 * The reader of ProcMon's XML export, {@link org.pmtriage.read.xml.XmlEventReader}: a streaming
 * StAX (Aalto) pass over {@code <processlist>} and {@code <eventlist>} that builds the same
 * {@link org.pmtriage.event.Event}s as the CSV reader, plus each event's process index and the
 * log's process table, with process times put on the events' timeline when a Process Start
 * anchors them ({@code ProcessClock}).
 *
 * <p>Inside: {@code Prolog} looks at the document's start before any parser does (DOCTYPE
 * refused, encoding, root position); {@code XmlCursor} wraps the parser (one-line errors with
 * {@code line:column}, text into one reusable buffer, subtrees skipped unread);
 * {@code ProcessListParser} and {@code EventElementParser} read one element each;
 * {@code SequentialEvents} walks the eventlist.
 *
 * <p>Hardened against hostile XML: no DTD, no external or custom entities, bounded element text
 * ({@code TextRunGuard} before the parser, a character limit after it). Measurements:
 * docs/performance-xml.md.
 */
package org.pmtriage.read.xml;
