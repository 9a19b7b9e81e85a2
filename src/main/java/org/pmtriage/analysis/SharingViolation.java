package org.pmtriage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A CreateFile refused with SHARING VIOLATION, and what could hold the file at that moment.
 *
 * @param path          the file
 * @param victim        the process whose open failed
 * @param tid           its thread, or -1
 * @param at            when (timeline ticks)
 * @param record        record number of the failed CreateFile
 * @param desiredAccess what the victim asked for, empty when unknown
 * @param shareMode     the share mode it offered, empty when unknown
 * @param holders       the objects open on the path that a live process could hold then,
 *                      conflicting ones first
 * @param cause         what the log shows as the cause
 * @param imageOf       with {@link Cause#RUNNING_IMAGE}: live processes whose image or loaded module
 *                      the file is
 * @param reason        one sentence: why the cause is what it is, or what the log lacks
 */
public record SharingViolation(String path, ProcessRef victim, int tid, long at, long record,
                               String desiredAccess, String shareMode, List<Holder> holders, Cause cause,
                               List<ProcessRef> imageOf, String reason)
        implements Finding {

    /** What made the open fail, as far as the log shows. */
    public enum Cause {
        /** A live holder whose access or share mode conflicts with the request. */
        HELD("held"),
        /** The file is the image (or a loaded module) of a live process and the request writes. */
        RUNNING_IMAGE("running-image"),
        /** Nothing in the log explains it. */
        UNEXPLAINED("unexplained");

        private final String id;

        Cause(String id) {
            this.id = id;
        }

        /** @return the name used in reports */
        public String id() {
            return id;
        }
    }

    /**
     * One open object on the path that a live process could hold.
     *
     * @param open        its CreateFile
     * @param inheritedBy spawns after the open whose child is alive then, through which it may hold it too
     * @param conflicts   whether its access or share mode excludes the request (true when either
     *                    Detail is unknown, as nothing rules it out)
     * @param openerAlive whether its opener was alive (else only the spawns' children can hold it)
     * @param openedAs    the path as the holder's CreateFile spelled it (it may differ from the
     *                    refused one: case, {@code \\?\}, a device or 8.3 name)
     */
    public record Holder(FileOpen open, List<Spawn> inheritedBy, boolean conflicts, boolean openerAlive,
                         String openedAs) {
        public Holder {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(openedAs, "openedAs");
            inheritedBy = List.copyOf(inheritedBy);
        }
    }

    public SharingViolation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(victim, "victim");
        Objects.requireNonNull(desiredAccess, "desiredAccess");
        Objects.requireNonNull(shareMode, "shareMode");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        holders = List.copyOf(holders);
        imageOf = List.copyOf(imageOf);
    }

    /** @return true when a live holder whose mode conflicts with the request explains it */
    public boolean explained() {
        return cause == Cause.HELD;
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
