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
}
