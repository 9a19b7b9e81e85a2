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
    TIME_OF_DAY("Time of Day") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return l.timeOfDay(e.time());
        }
    },
    PROCESS_NAME("Process Name") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.processName();
        }
    },
    PID("PID") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return known(e.pid());
        }
    },
    OPERATION("Operation") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.operationName();
        }
    },
    PATH("Path") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.path();
        }
    },
    RESULT("Result") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.result();
        }
    },
    DETAIL("Detail") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.detail();
        }
    },
    DATE_AND_TIME("Date & Time") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            long day = e.columns().firstEpochDay();
            return day == ExportColumns.UNKNOWN_DAY ? "" : l.dateTime(LocalDate.ofEpochDay(day), e.time());
        }
    },
    RELATIVE_TIME("Relative Time") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return l.relative(e.time() - first);
        }
    },
    DURATION("Duration") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            long d = e.columns().duration();
            return d == ExportColumns.UNKNOWN_DURATION ? "" : l.seconds(d);
        }
    },
    COMPLETION_TIME("Completion Time") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            long d = e.columns().duration();
            return d == ExportColumns.UNKNOWN_DURATION ? "" : l.timeOfDay(e.time() + d);
        }
    },
    EVENT_CLASS("Event Class") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().eventClass();
        }
    },
    SEQUENCE("Sequence") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return "n/a";
        }
    },
    IMAGE_PATH("Image Path") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.imagePath();
        }
    },
    COMPANY("Company") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().process().company();
        }
    },
    DESCRIPTION("Description") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().process().description();
        }
    },
    VERSION("Version") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().process().version();
        }
    },
    USER("User") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().process().user();
        }
    },
    AUTHENTICATION_ID("Authentication ID") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            long id = e.columns().process().authenticationId();
            return id == ProcessColumns.UNKNOWN_LUID ? "" : String.format(Locale.ROOT, "%08x:%08x", id >>> 32, id & 0xFFFFFFFFL);
        }
    },
    SESSION("Session") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return known(e.columns().process().session());
        }
    },
    COMMAND_LINE("Command Line") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.commandLine();
        }
    },
    TID("TID") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return known(e.tid());
        }
    },
    VIRTUALIZED("Virtualized") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            ProcessColumns p = e.columns().process();
            return p == ProcessColumns.NONE ? "" : p.virtualized() ? "True" : "False";
        }
    },
    INTEGRITY("Integrity") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().process().integrity();
        }
    },
    CATEGORY("Category") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return e.columns().category();
        }
    },
    PARENT_PID("Parent PID") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            return known(e.parentPid());
        }
    },
    ARCHITECTURE("Architecture") {
        @Override
        String value(Event e, ExportLocale l, long first) {
            ProcessColumns p = e.columns().process();
            return p == ProcessColumns.NONE ? "" : p.is64Bit() ? "64-bit" : "32-bit";
        }
    };

    /** ProcMon's default columns, in its order. */
    public static final List<ProcmonColumn> DEFAULT = List.of(TIME_OF_DAY, PROCESS_NAME, PID, OPERATION, PATH, RESULT,
            DETAIL);

    private final String header;

    ProcmonColumn(String header) {
        this.header = header;
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
    abstract String value(Event e, ExportLocale l, long first);

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
