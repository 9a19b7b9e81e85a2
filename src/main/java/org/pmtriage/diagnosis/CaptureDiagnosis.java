package org.pmtriage.diagnosis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a pass learned beyond its findings: the runtimes its processes ran and the decoded stacks
 * of the events its findings cite.
 *
 * @param runtimes     the runtimes seen, strongest evidence first
 * @param stacks       decoded stacks by the record number of their event (CreateFiles and Process
 *                     Creates that findings cite)
 * @param stacksNotKept stacks of events that findings may cite that were not kept, past the budget
 */
public record CaptureDiagnosis(List<RuntimeSeen> runtimes, Map<Long, DecodedStack> stacks, long stacksNotKept) {

    /** A pass that learned nothing of the kind. */
    public static final CaptureDiagnosis NONE = new CaptureDiagnosis(List.of(), Map.of(), 0);

    public CaptureDiagnosis {
        runtimes = List.copyOf(runtimes);
        stacks = Map.copyOf(stacks);
    }

    /** @return the decoded stack of the event with this record number, when it was kept */
    public Optional<DecodedStack> stackOf(long record) {
        return Optional.ofNullable(stacks.get(record));
    }
}
