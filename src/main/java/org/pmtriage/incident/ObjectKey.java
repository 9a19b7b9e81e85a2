package org.pmtriage.incident;

import org.pmtriage.analysis.FileOpen;

/**
 * Which file object a finding is about: the record number of its CreateFile plus its path (the
 * record alone may repeat across rollover files or be unknown).
 */
record ObjectKey(long record, String path) {

    static ObjectKey of(FileOpen open, String path) {
        return new ObjectKey(open.record(), path);
    }

    // written out: a record's generated equals and hashCode run slowly until the JIT compiles them,
    // and a log's stories are grouped before it does

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectKey k && record == k.record && path.equals(k.path);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(record) + path.hashCode();
    }
}
