package org.pmtriage.analysis;

/**
 * A spawn while the pass runs; becomes a {@link Spawn} when findings are written.
 *
 * @param record  the event that showed the spawn, or -1 when only a process table did
 * @param tid     the parent's thread that created the child, or -1
 * @param image   the child's image path as the Process Create event names it, empty when unknown
 * @param created whether a Process Create event in the parent showed it (else a Process Start or
 *                the process table did, at the child's start)
 */
record SpawnLink(ProcessNode parent, ProcessNode child, long at, long record, int tid, String image,
                 boolean created) {

    Spawn toSpawn() {
        return new Spawn(parent.ref(), child.ref(), at, record);
    }
}
