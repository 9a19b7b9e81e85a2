package org.pmtriage.read.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pmtriage.event.Event;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Timeline;

/**
 * Puts the processlist's CreateTime and FinishTime (raw FILETIME, UTC) on the events' timeline
 * (local time of day, zero at midnight of the capture's first local day) when that can be done
 * soundly.
 *
 * <p>The two clocks differ by a constant: the zone offset minus the FILETIME of that local
 * midnight. Both parts are whole multiples of 15 minutes (every time zone offset is), so the
 * difference is too. A {@code Process Start} event is logged as its process is created, so its
 * time minus its process's CreateTime is that constant plus a small lag (0.6 µs in the ru-RU
 * sample). One such anchor whose difference lies within {@link #TOLERANCE} of a 15-minute
 * multiple fixes the constant exactly; without one, times stay {@link ProcessInfo#UNKNOWN_TIME}.
 * A zone whose offset changes during the capture (daylight saving) would shift the later
 * events by an hour against the process times; ProcMon's exports give no way to tell.
 */
final class ProcessClock {

    /** Largest lag accepted between a Process Start event and its process's CreateTime. */
    static final long TOLERANCE = Timeline.TICKS_PER_SECOND;

    private static final long QUARTER_HOUR = 15 * 60 * Timeline.TICKS_PER_SECOND;

    private final List<ProcessEntry> entries;
    private final Map<Integer, Long> createTimes = new HashMap<>();
    private boolean known;
    private long offset;

    ProcessClock(List<ProcessEntry> entries) {
        this.entries = entries;
        for (ProcessEntry e : entries) {
            if (e.createTime() > 0) {
                createTimes.put(e.processIndex(), e.createTime());
            }
        }
    }

    /**
     * Looks at one event for an anchor.
     *
     * @param event an event, in log order
     * @return true once the offset is known
     */
    boolean observe(Event event) {
        if (known || event.operation() != Operation.PROCESS_START || event.processIndex() < 0) {
            return known;
        }
        Long created = createTimes.get(event.processIndex());
        if (created != null) {
            long difference = event.time() - created;
            long rounded = Math.floorDiv(difference + QUARTER_HOUR / 2, QUARTER_HOUR) * QUARTER_HOUR;
            if (Math.abs(difference - rounded) <= TOLERANCE) {
                offset = rounded;
                known = true;
            }
        }
        return known;
    }

    /** @return whether an anchor has fixed the offset */
    boolean known() {
        return known;
    }

    /** @return the process table, with times on the events' timeline when the offset is known */
    List<ProcessInfo> processes() {
        List<ProcessInfo> table = new ArrayList<>(entries.size());
        for (ProcessEntry e : entries) {
            table.add(new ProcessInfo(e.processIndex(), e.pid(), e.parentPid(), e.parentIndex(), e.name(),
                    e.imagePath(), e.commandLine(), toTimeline(e.createTime()), toTimeline(e.finishTime()), e.columns(),
                    e.modules()));
        }
        return List.copyOf(table);
    }

    private long toTimeline(long filetime) {
        return known && filetime > 0 ? filetime + offset : ProcessInfo.UNKNOWN_TIME;
    }
}
