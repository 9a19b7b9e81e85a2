package org.pmtriage.pmc;

import java.util.Arrays;
import java.util.Optional;

/** The columns a filter rule can test, with ProcMon's ids for them. */
public enum Column {
    DATE_TIME(40052, "Date & Time"),
    PROCESS_NAME(40053, "Process Name"),
    PID(40054, "PID"),
    OPERATION(40055, "Operation"),
    RESULT(40056, "Result"),
    DETAIL(40057, "Detail"),
    SEQUENCE(40058, "Sequence"),
    COMPANY(40064, "Company"),
    DESCRIPTION(40065, "Description"),
    COMMAND_LINE(40066, "Command Line"),
    USER(40067, "User"),
    IMAGE_PATH(40068, "Image Path"),
    SESSION(40069, "Session"),
    PATH(40071, "Path"),
    TID(40072, "TID"),
    RELATIVE_TIME(40076, "Relative Time"),
    DURATION(40077, "Duration"),
    TIME_OF_DAY(40078, "Time of Day"),
    VERSION(40081, "Version"),
    EVENT_CLASS(40082, "Event Class"),
    AUTHENTICATION_ID(40083, "Authentication ID"),
    VIRTUALIZED(40084, "Virtualized"),
    INTEGRITY(40085, "Integrity"),
    CATEGORY(40086, "Category"),
    PARENT_PID(40087, "Parent PID"),
    ARCHITECTURE(40088, "Architecture"),
    COMPLETION_TIME(40164, "Completion Time");

    private final int id;
    private final String label;

    Column(int id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return ProcMon's id of the column */
    public int id() {
        return id;
    }

    /** @return the column's name as ProcMon shows it */
    public String label() {
        return label;
    }

    /** @return the column with that id, empty for an id not listed here */
    public static Optional<Column> of(int id) {
        return Arrays.stream(values()).filter(c -> c.id == id).findFirst();
    }

    /** @return the column's name, or {@code column 12345} for an id not listed here */
    public static String label(int id) {
        return of(id).map(Column::label).orElse("column " + id);
    }
}
