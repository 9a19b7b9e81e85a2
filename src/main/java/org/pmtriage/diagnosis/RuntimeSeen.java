package org.pmtriage.diagnosis;

import java.util.Objects;

/**
 * A runtime the capture's processes ran, with its strongest evidence.
 *
 * @param runtime   the runtime, its version and the strongest evidence seen for it
 * @param example   the process that evidence is of, e.g. {@code python.exe (4312)}
 * @param processes how many of the capture's processes ran it
 */
public record RuntimeSeen(RuntimeId runtime, String example, long processes) {

    public RuntimeSeen {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(example, "example");
    }
}
