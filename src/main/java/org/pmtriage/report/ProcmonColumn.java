package org.pmtriage.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.ExportLocale;
import org.pmtriage.event.ProcessColumns;

/**
 * The 27 columns of ProcMon's CSV export, each with its header as ProcMon spells it and its value
 * as ProcMon writes it. A value the log does not carry is written empty.
 */
public enum ProcmonColumn {
    TIME_OF_DAY("Time of Day", (e, l, first) -> l.timeOfDay(e.time())),
    PROCESS_NAME("Process Name", (e, l, first) -> e.processName()),
    PID("PID", (e, l, first) -> known(e.pid())),
    OPERATION("Operation", (e, l, first) -> e.operationName()),
    PATH("Path", (e, l, first) -> e.path()),
    RESULT("Result", (e, l, first) -> e.result()),
    DETAIL("Detail", (e, l, first) -> e.detail()),
    DATE_AND_TIME("Date & Time", (e, l, first) -> {
        long day = e.columns().firstEpochDay();
        return day == ExportColumns.UNKNOWN_DAY ? "" : l.dateTime(LocalDate.ofEpochDay(day), e.time());
    }),
    RELATIVE_TIME("Relative Time", (e, l, first) -> l.relative(e.time() - first)),
    DURATION("Duration", (e, l, first) -> {
        long d = e.columns().duration();
        return d == ExportColumns.UNKNOWN_DURATION ? "" : l.seconds(d);
    }),
    COMPLETION_TIME("Completion Time", (e, l, first) -> {
        long d = e.columns().duration();
        return d == ExportColumns.UNKNOWN_DURATION ? "" : l.timeOfDay(e.time() + d);
    }),
    EVENT_CLASS("Event Class", (e, l, first) -> e.columns().eventClass()),
    SEQUENCE("Sequence", (e, l, first) -> "n/a"),
    IMAGE_PATH("Image Path", (e, l, first) -> e.imagePath()),
    COMPANY("Company", (e, l, first) -> e.columns().process().company()),
    DESCRIPTION("Description", (e, l, first) -> e.columns().process().description()),
    VERSION("Version", (e, l, first) -> e.columns().process().version()),
    USER("User", (e, l, first) -> e.columns().process().user()),
    AUTHENTICATION_ID("Authentication ID", (e, l, first) -> {
        long id = e.columns().process().authenticationId();
        return id == ProcessColumns.UNKNOWN_LUID ? "" : String.format(Locale.ROOT, "%08x:%08x", id >>> 32, id & 0xFFFFFFFFL);
    }),
    SESSION("Session", (e, l, first) -> known(e.columns().process().session())),
    COMMAND_LINE("Command Line", (e, l, first) -> e.commandLine()),
    TID("TID", (e, l, first) -> known(e.tid())),
    VIRTUALIZED("Virtualized", (e, l, first) -> {
        ProcessColumns p = e.columns().process();
        return p == ProcessColumns.NONE ? "" : p.virtualized() ? "True" : "False";
    }),
    INTEGRITY("Integrity", (e, l, first) -> e.columns().process().integrity()),
    CATEGORY("Category", (e, l, first) -> e.columns().category()),
    PARENT_PID("Parent PID", (e, l, first) -> known(e.parentPid())),
    ARCHITECTURE("Architecture", (e, l, first) -> {
        ProcessColumns p = e.columns().process();
        return p == ProcessColumns.NONE ? "" : p.is64Bit() ? "64-bit" : "32-bit";
    });

    /** ProcMon's default columns, in its order. */
    public static final List<ProcmonColumn> DEFAULT = List.of(TIME_OF_DAY, PROCESS_NAME, PID, OPERATION, PATH, RESULT,
            DETAIL);

    private final String header;
    private final Value value;

    ProcmonColumn(String header, Value value) {
        this.header = header;
        this.value = value;
    }

    /** How a column's value is written. */
    private interface Value {
        String of(Event e, ExportLocale l, long first);
    }

    /** @return the header as ProcMon spells it, e.g. {@code Date & Time} */
    public String header() {
        return header;
    }

    /**
     * @param e     the event
     * @param l     how times and numbers are written
     * @param first the time of the first event written (for Relative Time)
     * @return the column's value, empty when the event does not carry it
     */
    String value(Event e, ExportLocale l, long first) {
        return value.of(e, l, first);
    }

    /**
     * Parses a column list: headers as ProcMon spells them, separated by commas, case and spaces
     * around them ignored; {@code all} for the 27 columns in the order of this enum, {@code default}
     * for the seven default ones.
     *
     * @throws IllegalArgumentException naming the unknown column and listing the known ones
     */
    public static List<ProcmonColumn> parseList(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("all")) {
            return List.of(values());
        }
        if (trimmed.equalsIgnoreCase("default")) {
            return DEFAULT;
        }
        List<ProcmonColumn> columns = new ArrayList<>();
        for (String name : trimmed.split(",")) {
            columns.add(byHeader(name.trim()));
        }
        return List.copyOf(columns);
    }

    private static ProcmonColumn byHeader(String name) {
        for (ProcmonColumn c : values()) {
            if (c.header.equalsIgnoreCase(name)) {
                return c;
            }
        }
        StringBuilder known = new StringBuilder();
        for (ProcmonColumn c : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(c.header);
        }
        throw new IllegalArgumentException("unknown column '" + name + "' (known: " + known + "; or all, default)");
    }

    private static String known(int value) {
        return value == Event.UNKNOWN ? "" : Integer.toString(value);
    }
}
