package org.pmtriage.read.csv;

import java.util.Map;

import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.read.internal.ProcessColumnsCache;

/**
 * The process table's columns of a CSV export (User, Integrity, Company, Description, Version,
 * Authentication ID, Session, Virtualized, Architecture), which a CSV repeats on every row of a
 * process: they reach {@link Event#columns()} as the process's {@link ProcessColumns}, one instance
 * for the rows of a process ({@link ProcessColumnsCache}); an export without these columns costs
 * nothing per row.
 */
final class CsvProcessColumns {

    private final int user;
    private final int integrity;
    private final int company;
    private final int description;
    private final int version;
    private final int authenticationId;
    private final int session;
    private final int virtualized;
    private final int architecture;
    private final boolean present;
    private final ProcessColumnsCache cache = new ProcessColumnsCache();

    /** @param index the header's column positions by name */
    CsvProcessColumns(Map<String, Integer> index) {
        user = index.getOrDefault("User", -1);
        integrity = index.getOrDefault("Integrity", -1);
        company = index.getOrDefault("Company", -1);
        description = index.getOrDefault("Description", -1);
        version = index.getOrDefault("Version", -1);
        authenticationId = index.getOrDefault("Authentication ID", -1);
        session = index.getOrDefault("Session", -1);
        virtualized = index.getOrDefault("Virtualized", -1);
        architecture = index.getOrDefault("Architecture", -1);
        present = user >= 0 || integrity >= 0 || company >= 0 || description >= 0 || version >= 0
                || authenticationId >= 0 || session >= 0 || virtualized >= 0 || architecture >= 0;
    }

    /**
     * @param csv the scanner, on a well-formed record
     * @param pid the record's PID
     * @return the record's process columns, {@link ExportColumns#NONE} when the export has none of them
     */
    ExportColumns of(CsvScanner csv, int pid) {
        if (!present) {
            return ExportColumns.NONE;
        }
        long luid = authenticationId < 0 ? ProcessColumns.UNKNOWN_LUID
                : ProcessColumnsCache.luid(csv.internedField(authenticationId));
        return cache.of(pid, text(csv, user), text(csv, integrity), text(csv, company), text(csv, description),
                text(csv, version), luid, session < 0 ? Event.UNKNOWN : csv.intField(session),
                virtualized >= 0 && csv.internedField(virtualized).equals("True"),
                architecture >= 0 && csv.internedField(architecture).equals("64-bit"));
    }

    private static String text(CsvScanner csv, int column) {
        return column < 0 ? "" : csv.internedField(column);
    }
}
