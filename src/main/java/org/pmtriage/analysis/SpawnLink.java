package org.pmtriage.analysis;

/**
 * A spawn while the pass runs; becomes a {@link Spawn} when findings are written.
 *
 * @param image the child's image path as the Process Create event names it, empty when unknown
 */
record SpawnLink(ProcessNode parent, ProcessNode child, long at, long record, int tid, String image) {

    Spawn toSpawn() {
        return new Spawn(parent.ref(), child.ref(), at, record);
    }
}
