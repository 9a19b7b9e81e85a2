package org.pmtriage.event;

import java.util.Objects;

/**
 * The machine a native log was captured on, as the PML header records it.
 *
 * @param computer the computer name
 * @param system   the Windows version, e.g. {@code Windows 10.0 build 19041}
 * @param cpus     logical processors
 */
public record CaptureHost(String computer, String system, int cpus) {

    public CaptureHost {
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(system, "system");
    }
}
