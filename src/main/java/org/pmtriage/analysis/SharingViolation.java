package org.pmtriage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A CreateFile refused with SHARING VIOLATION, and the file objects open on that path then.
 *
 * @param path          the file
 * @param victim        the process whose open failed
 * @param tid           its thread, or -1
 * @param at            when (timeline ticks)
 * @param record        record number of the failed CreateFile
 * @param desiredAccess what the victim asked for, empty when unknown
 * @param shareMode     the share mode it offered, empty when unknown
 * @param holders       the objects open on the path at that moment
 */
public record SharingViolation(String path, ProcessRef victim, int tid, long at, long record,
                               String desiredAccess, String shareMode, List<Holder> holders)
        implements Finding {

    /**
     * One open object on the path.
     *
     * @param open        its CreateFile
     * @param inheritedBy spawns after the open through which live processes may hold it too
     * @param conflicts   whether its access or share mode excludes the victim's request (false
     *                    when either Detail is unknown)
     */
    public record Holder(FileOpen open, List<Spawn> inheritedBy, boolean conflicts) {
        public Holder {
            Objects.requireNonNull(open, "open");
            inheritedBy = List.copyOf(inheritedBy);
        }
    }

    public SharingViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(desiredAccess, "desiredAccess");
        Objects.requireNonNull(shareMode, "shareMode");
        holders = List.copyOf(holders);
    }

    /** @return true when at least one holder is known */
    public boolean explained() {
        return !holders.isEmpty();
    }

    @Override
    public FindingKind kind() {
        return FindingKind.SHARING_VIOLATION;
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }
}
