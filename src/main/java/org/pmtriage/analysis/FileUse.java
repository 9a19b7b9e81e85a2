package org.pmtriage.analysis;

import java.util.Objects;

/**
 * One operation through an open file object (a read, a write, a query...), as findings show it.
 *
 * @param process   who did it
 * @param operation the operation name, e.g. {@code WriteFile}
 * @param at        when (timeline ticks)
 * @param record    record number of the event
 */
public record FileUse(ProcessRef process, String operation, long at, long record) {

    public FileUse {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(operation, "operation");
    }
}
