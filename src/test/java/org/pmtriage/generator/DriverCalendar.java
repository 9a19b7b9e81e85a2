package org.pmtriage.generator;

import java.util.Map;
import java.util.TreeMap;

/**
 * The build driver's busy intervals. Every stretch in which the driver has a file open, and every
 * Process Create it logs, is reserved here; reservations never overlap, so a spawn never happens
 * while another of the driver's files is open unless a job plans it so on purpose (the injected
 * leaks and races, which reserve the whole window themselves).
 */
final class DriverCalendar {

    private final TreeMap<Long, Long> busy = new TreeMap<>();

    /**
     * Reserves the first free interval of the given length starting no earlier than asked.
     *
     * @param earliest earliest start
     * @param length   length in ticks
     * @return the reserved start
     */
    long reserve(long earliest, long length) {
        long start = earliest;
        Map.Entry<Long, Long> before = busy.floorEntry(start);
        if (before != null && before.getValue() > start) {
            start = before.getValue();
        }
        for (Map.Entry<Long, Long> e : busy.tailMap(start, true).entrySet()) {
            if (e.getKey() >= start + length) {
                break;
            }
            start = Math.max(start, e.getValue());
        }
        busy.put(start, start + length);
        return start;
    }

    /**
     * Shortens a reservation made by {@link #reserve} once its real end is known.
     *
     * @param start the reserved start
     * @param end   the new end, not after the reserved one
     */
    void shrink(long start, long end) {
        Long old = busy.get(start);
        if (old == null || end > old || end <= start) {
            throw new IllegalStateException("cannot shrink [" + start + ", " + old + ") to end " + end);
        }
        busy.put(start, end);
    }

    /** Forgets intervals ending before the given time (nothing can be planned that early anymore). */
    void forgetBefore(long time) {
        while (!busy.isEmpty() && busy.firstEntry().getValue() < time) {
            busy.pollFirstEntry();
        }
    }
}
