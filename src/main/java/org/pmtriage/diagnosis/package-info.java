/**
 * Why a leak happened and what to do about it: which runtime a process runs ({@link
 * org.pmtriage.diagnosis.RuntimeIdentifier}, from its modules, version resource, image path,
 * command line or name, with the evidence that decided it), what the log tells of a process
 * ({@link org.pmtriage.diagnosis.ProcessProfile}, {@link org.pmtriage.diagnosis.ProcessIdentity}),
 * the call stacks of the events a finding cites ({@link org.pmtriage.diagnosis.StackDecoder}) and
 * the remedy for a runtime and a finding's shape ({@link org.pmtriage.diagnosis.Remedies}, from
 * the data file {@code remedies.json}). Knows the event model only; see {@code docs/diagnosis.md}.
 */
package org.pmtriage.diagnosis;
