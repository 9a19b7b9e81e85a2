package org.pmtriage.read.internal;

import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.ProcessColumns;

/**
 * The process table's columns that an export repeats on every event of a process (CSV columns,
 * XML event elements: User, Integrity, Company, Description, Version, Authentication ID, Session,
 * Virtualized, Architecture), as {@link Event#columns()}: events of one process share one
 * instance while its values stay the same (a small cache by PID, checked against the values).
 */
public final class ProcessColumnsCache {

    private static final int SLOTS = 256;

    private final int[] pids = new int[SLOTS];
    private final ExportColumns[] cached = new ExportColumns[SLOTS];

    /**
     * @param pid the event's PID
     * @return the columns, the instance of the process's previous event when nothing changed
     */
    public ExportColumns of(int pid, String user, String integrity, String company, String description,
                            String version, long authenticationId, int session, boolean virtualized, boolean is64Bit) {
        int slot = pid & (SLOTS - 1);
        ExportColumns known = cached[slot];
        if (known != null && pids[slot] == pid) {
            ProcessColumns p = known.process();
            if (p.user().equals(user) && p.integrity().equals(integrity) && p.company().equals(company)
                    && p.description().equals(description) && p.version().equals(version)
                    && p.authenticationId() == authenticationId && p.session() == session
                    && p.virtualized() == virtualized && p.is64Bit() == is64Bit) {
                return known;
            }
        }
        ExportColumns columns = new ExportColumns(ExportColumns.UNKNOWN_DAY, ExportColumns.UNKNOWN_DURATION, "", "",
                new ProcessColumns(user, integrity, company, description, version, authenticationId, session,
                        virtualized, is64Bit));
        pids[slot] = pid;
        cached[slot] = columns;
        return columns;
    }

    /**
     * @param text the Authentication ID column, {@code 00000000:0001e0ac} (high:low, as ProcMon writes it)
     * @return it as a number, or {@link ProcessColumns#UNKNOWN_LUID}
     */
    public static long luid(String text) {
        if (text.length() != 17 || text.charAt(8) != ':') {
            return ProcessColumns.UNKNOWN_LUID;
        }
        try {
            return Long.parseUnsignedLong(text, 0, 8, 16) << 32 | Long.parseUnsignedLong(text, 9, 17, 16);
        } catch (NumberFormatException e) {
            return ProcessColumns.UNKNOWN_LUID;
        }
    }
}
