package org.pmtriage.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A successful CreateFile as findings describe it, with what went through the object afterwards.
 *
 * @param opener        the process that opened the file
 * @param tid           the opening thread, or -1 when unknown
 * @param at            when (timeline ticks)
 * @param record        record number of the CreateFile event
 * @param desiredAccess as the Detail says, empty when the log has no Detail
 * @param shareMode     as the Detail says, empty when the log has no Detail
 * @param writes        whether the open may change the file's content
 * @param uses          the first operations through the object (reads, writes...), by any holder
 * @param useCount      how many operations went through it in all, kept or not
 */
public record FileOpen(ProcessRef opener, int tid, long at, long record, String desiredAccess,
                       String shareMode, boolean writes, List<FileUse> uses, long useCount) {

    public FileOpen {
        Objects.requireNonNull(opener, "opener");
        Objects.requireNonNull(desiredAccess, "desiredAccess");
        Objects.requireNonNull(shareMode, "shareMode");
        uses = List.copyOf(uses);
    }
}
