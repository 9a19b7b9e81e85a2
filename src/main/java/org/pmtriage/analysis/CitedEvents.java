package org.pmtriage.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The record numbers of the CreateFile and Process Create events that findings cite. */
final class CitedEvents {

    private CitedEvents() {
    }

    /** @return the records of the findings' opens and spawns */
    static Set<Long> of(List<Finding> findings) {
        Set<Long> records = new HashSet<>();
        for (Finding f : findings) {
            if (f instanceof InheritedHandle h) {
                records.add(h.open().record());
                spawns(h.chain(), records);
            } else if (f instanceof SpawnRace r) {
                records.add(r.open().record());
                records.add(r.spawn().record());
            } else if (f instanceof SharingViolation v) {
                for (SharingViolation.Holder holder : v.holders()) {
                    records.add(holder.open().record());
                    spawns(holder.inheritedBy(), records);
                }
            } else if (f instanceof OpenAtEnd o) {
                records.add(o.open().record());
                spawns(o.inheritedBy(), records);
            }
        }
        return records;
    }

    private static void spawns(List<Spawn> spawns, Set<Long> records) {
        spawns.forEach(s -> records.add(s.record()));
    }
}
