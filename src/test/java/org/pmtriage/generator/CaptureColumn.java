package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The 27 columns ProcMon can export, with their CSV header names. */
public enum CaptureColumn {
    TIME_OF_DAY("Time of Day"), PROCESS_NAME("Process Name"), PID("PID"), OPERATION("Operation"),
    PATH("Path"), RESULT("Result"), DETAIL("Detail"), DATE_AND_TIME("Date & Time"),
    RELATIVE_TIME("Relative Time"), DURATION("Duration"), COMPLETION_TIME("Completion Time"),
    EVENT_CLASS("Event Class"), SEQUENCE("Sequence"), IMAGE_PATH("Image Path"), COMPANY("Company"),
    DESCRIPTION("Description"), VERSION("Version"), USER("User"), AUTHENTICATION_ID("Authentication ID"),
    SESSION("Session"), COMMAND_LINE("Command Line"), TID("TID"), VIRTUALIZED("Virtualized"),
    INTEGRITY("Integrity"), CATEGORY("Category"), PARENT_PID("Parent PID"), ARCHITECTURE("Architecture");

    /** ProcMon's default seven columns. */
    public static final List<CaptureColumn> DEFAULT = List.of(TIME_OF_DAY, PROCESS_NAME, PID, OPERATION,
            PATH, RESULT, DETAIL);

    /** All 27 in the order of a Windows 10 export ({@code win10x64-process.csv}). */
    public static final List<CaptureColumn> ALL = List.of(values());

    /** All 27 in the other order seen ({@code win7x86-mixed.csv}). */
    public static final List<CaptureColumn> ALL_ALTERNATE = List.of(TIME_OF_DAY, PROCESS_NAME, PID, OPERATION,
            PATH, RESULT, DETAIL, TID, CATEGORY, DATE_AND_TIME, RELATIVE_TIME, DURATION, COMPLETION_TIME,
            EVENT_CLASS, SEQUENCE, IMAGE_PATH, COMPANY, DESCRIPTION, VERSION, USER, AUTHENTICATION_ID, SESSION,
            COMMAND_LINE, VIRTUALIZED, INTEGRITY, PARENT_PID, ARCHITECTURE);

    private final String header;

    CaptureColumn(String header) {
        this.header = header;
    }

    /** @return the CSV header name, e.g. {@code Time of Day} */
    public String header() {
        return header;
    }

    /** @return the XML element name: the header with every other character than a letter or digit as {@code _} */
    public String xmlName() {
        return header.replaceAll("[^A-Za-z0-9]", "_");
    }

    /**
     * Parses a column set: {@code default}, {@code all27}, {@code all27-alt}, or header names
     * separated by {@code ;} or {@code ,} (e.g. {@code Time of Day;PID;Process Name;Operation;Path;Result}).
     *
     * @param spec the specification
     * @return the columns in order
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<CaptureColumn> parseSet(String spec) {
        switch (spec.toLowerCase(Locale.ROOT)) {
            case "default":
                return DEFAULT;
            case "all27":
            case "all":
                return ALL;
            case "all27-alt":
                return ALL_ALTERNATE;
            default:
                break;
        }
        List<CaptureColumn> columns = new ArrayList<>();
        for (String name : spec.split("[;,]")) {
            columns.add(byHeader(name.trim()));
        }
        return List.copyOf(columns);
    }

    /**
     * @param header a header name (case-insensitive)
     * @return the column
     * @throws IllegalArgumentException for an unknown name
     */
    public static CaptureColumn byHeader(String header) {
        for (CaptureColumn c : values()) {
            if (c.header.equalsIgnoreCase(header)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown column \"" + header + "\"");
    }
}
