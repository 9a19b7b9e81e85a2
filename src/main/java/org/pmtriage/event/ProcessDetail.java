package org.pmtriage.event;

import java.util.Objects;

/**
 * What the analysis needs from the Detail of a process event: the other process's PID and the
 * command line. {@code Process Create} (logged in the parent) reads {@code PID: 3232, Command
 * line: ...}; {@code Process Start} (logged in the child) reads {@code Parent PID: 3596, Command
 * line: ..., Current directory: ..., Environment: ...}, or only {@code Parent PID: 1432} in old logs.
 *
 * @param pid         the child's PID for Process Create, the parent's for Process Start, or
 *                    {@link Event#UNKNOWN}
 * @param commandLine the command line, empty when absent
 */
public record ProcessDetail(int pid, String commandLine) {

    private static final String COMMAND_LINE = ", Command line: ";
    private static final String CURRENT_DIRECTORY = ", Current directory: ";
    private static final String ENVIRONMENT = ", Environment: ";

    public ProcessDetail {
        Objects.requireNonNull(commandLine, "commandLine");
    }

    /**
     * Parses a Process Create or Process Start Detail; never throws.
     *
     * @param detail the Detail column
     * @return the PID and command line found, unknown/empty where absent
     */
    public static ProcessDetail parse(String detail) {
        int pid = Event.UNKNOWN;
        int colon = detail.indexOf("PID: ");
        if (colon >= 0) {
            long value = 0;
            int digits = 0;
            for (int i = colon + 5; i < detail.length() && Character.isDigit(detail.charAt(i)) && digits < 10; i++) {
                value = value * 10 + (detail.charAt(i) - '0');
                digits++;
            }
            if (digits > 0 && value <= Integer.MAX_VALUE) {
                pid = (int) value;
            }
        }
        String commandLine = "";
        int cl = detail.indexOf(COMMAND_LINE);
        if (cl >= 0) {
            int start = cl + COMMAND_LINE.length();
            int end = detail.indexOf(CURRENT_DIRECTORY, start);
            commandLine = detail.substring(start, end < 0 ? detail.length() : end).trim();
        }
        return new ProcessDetail(pid, commandLine);
    }

    /**
     * @param detail a Process Start Detail
     * @return its current directory ({@code C:\build\}), empty when absent
     */
    public static String currentDirectory(String detail) {
        int at = detail.indexOf(CURRENT_DIRECTORY);
        if (at < 0) {
            return "";
        }
        int start = at + CURRENT_DIRECTORY.length();
        int end = detail.indexOf(ENVIRONMENT, start);
        return detail.substring(start, end < 0 ? detail.length() : end).trim();
    }
}
