package org.pmtriage.analysis;

import java.util.Objects;

/**
 * One process creating another: a link through which open inheritable handles pass.
 *
 * @param parent the creating process
 * @param child  the created process
 * @param at     when (timeline ticks): the Process Create event, else the child's Process Start
 * @param record the record number of that event, or -1 when the log's process table alone says so
 */
public record Spawn(ProcessRef parent, ProcessRef child, long at, long record) {

    public Spawn {
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(child, "child");
    }
}
