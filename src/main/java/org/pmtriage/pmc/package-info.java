/**
 * ProcMon's configuration files (PMC): {@link org.pmtriage.pmc.PmcFile} reads and writes them byte
 * for byte as a list of named {@link org.pmtriage.pmc.PmcRecord}s, {@link org.pmtriage.pmc.RuleList}
 * decodes and encodes the filter and highlight rules, {@link org.pmtriage.pmc.BuildCaptureConfig}
 * makes the configuration {@code pmtriage capture} loads, and {@link org.pmtriage.pmc.PmcText}
 * writes a file's records and rules for people. Knows nothing of logs or analysis. The format is
 * described in {@code docs/capture.md}.
 */
package org.pmtriage.pmc;
