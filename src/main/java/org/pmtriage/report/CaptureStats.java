package org.pmtriage.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.pmtriage.event.CaptureHost;
import org.pmtriage.event.ProcessInfo;

/**
 * What {@code stats} shows about one log.
 *
 * @param report    the log's counts, time span and time frame
 * @param host      the machine it was captured on, when the log records it (PML)
 * @param processes every process of the capture, when asked for
 */
public record CaptureStats(Report report, Optional<CaptureHost> host, Optional<List<ProcessInfo>> processes) {

    public CaptureStats {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(host, "host");
        processes = processes.map(List::copyOf);
    }
}
