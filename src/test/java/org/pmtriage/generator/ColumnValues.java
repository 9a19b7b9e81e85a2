package org.pmtriage.generator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.pmtriage.event.Event;

/**
 * Computes every column's text for an event as ProcMon would export it: times in the locale's
 * form, the process's company/version/user from a small table, a duration made up
 * deterministically from the record number.
 */
final class ColumnValues {

    record Metadata(String company, String description, String version, String user,
                            String authenticationId, String session, String integrity, String architecture) {
    }

    private static final String MS = "Microsoft Corporation";
    private static final String WIN_VERSION = "10.0.19041.1 (WinBuild.160101.0800)";
    private static final Metadata SYSTEM = new Metadata(MS, "Host Process for Windows Services", WIN_VERSION,
            "NT AUTHORITY\\SYSTEM", "00000000:000003e7", "0", "System", "64-bit");
    private static final Metadata BUILD = new Metadata("", "", "", "BUILD-07\\ci", "00000000:0003a2f1", "1",
            "Medium", "64-bit");
    private static final Map<String, Metadata> KNOWN = Map.of(
            "cmd.exe", new Metadata(MS, "Windows Command Processor", WIN_VERSION, BUILD.user, BUILD.authenticationId, "1", "Medium", "64-bit"),
            "python.exe", new Metadata("Python Software Foundation", "Python", "2.7.18", BUILD.user, BUILD.authenticationId, "1", "Medium", "32-bit"),
            "cl.exe", new Metadata(MS, "Microsoft C/C++ Compiler Driver", "14.38.33130.0", BUILD.user, BUILD.authenticationId, "1", "Medium", "64-bit"),
            "link.exe", new Metadata(MS, "Microsoft Incremental Linker", "14.38.33130.0", BUILD.user, BUILD.authenticationId, "1", "Medium", "64-bit"),
            "explorer.exe", new Metadata(MS, "Windows Explorer", WIN_VERSION, BUILD.user, BUILD.authenticationId, "1", "Medium", "64-bit"),
            "svchost.exe", SYSTEM,
            "system", new Metadata(MS, "NT Kernel & System", WIN_VERSION, SYSTEM.user, SYSTEM.authenticationId, "0", "System", "64-bit"),
            "msmpeng.exe", new Metadata(MS, "Antimalware Service Executable", "4.18.23110.3 (WinBuild.160101.0800)", SYSTEM.user, SYSTEM.authenticationId, "0", "System", "64-bit"),
            "searchindexer.exe", new Metadata(MS, "Microsoft Windows Search Indexer", WIN_VERSION, SYSTEM.user, SYSTEM.authenticationId, "0", "System", "64-bit"));

    private final CaptureLocale locale;
    private final LocalDate firstDay;
    private final Map<String, Metadata> byName = new HashMap<>();
    private long firstTime = Long.MIN_VALUE;
    private long dateDay = Long.MIN_VALUE;
    private String dateText;

    ColumnValues(CaptureLocale locale, LocalDate firstDay) {
        this.locale = locale;
        this.firstDay = firstDay;
    }

    String value(CaptureColumn column, Event e) {
        if (firstTime == Long.MIN_VALUE) {
            firstTime = e.time();
        }
        return switch (column) {
            case TIME_OF_DAY -> locale.timeOfDay(e.time());
            case PROCESS_NAME -> e.processName();
            case PID -> Integer.toString(e.pid());
            case OPERATION -> e.operationName();
            case PATH -> e.path();
            case RESULT -> e.result();
            case DETAIL -> e.detail();
            case DATE_AND_TIME -> dateTime(e.time());
            case RELATIVE_TIME -> locale.relative(e.time() - firstTime);
            case DURATION -> locale.seconds(duration(e));
            case COMPLETION_TIME -> locale.timeOfDay(e.time() + duration(e));
            case EVENT_CLASS -> eventClass(e.operationName());
            case SEQUENCE -> "n/a";
            case IMAGE_PATH -> e.imagePath();
            case COMPANY -> metadata(e).company;
            case DESCRIPTION -> metadata(e).description;
            case VERSION -> metadata(e).version;
            case USER -> metadata(e).user;
            case AUTHENTICATION_ID -> metadata(e).authenticationId;
            case SESSION -> metadata(e).session;
            case COMMAND_LINE -> e.commandLine();
            case TID -> e.tid() < 0 ? "" : Integer.toString(e.tid());
            case VIRTUALIZED -> "False";
            case INTEGRITY -> metadata(e).integrity;
            case CATEGORY -> category(e.operationName());
            case PARENT_PID -> e.parentPid() < 0 ? "" : Integer.toString(e.parentPid());
            case ARCHITECTURE -> metadata(e).architecture;
        };
    }

    private Metadata metadata(Event e) {
        Metadata m = byName.get(e.processName());
        if (m == null) {
            m = metadata(e.processName());
            if (byName.size() < 1000) {
                byName.put(e.processName(), m);
            }
        }
        return m;
    }

    private String dateTime(long ticks) {
        long day = Math.floorDiv(ticks, TimeOfDayTicks.DAY);
        if (day != dateDay) {
            dateDay = day;
            dateText = locale.date(firstDay.plusDays(day));
        }
        return locale.dateTime(dateText, ticks);
    }

    /** @return company, version, user... of a process by its name */
    static Metadata metadata(String processName) {
        return KNOWN.getOrDefault(processName.toLowerCase(Locale.ROOT), BUILD);
    }

    /** @return a made-up but stable duration in ticks: zero for process events, else a few microseconds */
    static long duration(Event e) {
        if (eventClass(e.operationName()).equals("Process")) {
            return 0;
        }
        long h = e.record() * 0x9E3779B97F4A7C15L;
        return (h >>> 40) % 400;
    }

    static String eventClass(String operation) {
        if (operation.startsWith("Reg")) {
            return "Registry";
        }
        if (operation.startsWith("Process ") || operation.startsWith("Thread ") || operation.equals("Load Image")) {
            return "Process";
        }
        return "File System";
    }

    static String category(String operation) {
        return switch (operation) {
            case "ReadFile", "RegOpenKey", "RegQueryValue", "RegEnumKey", "RegEnumValue" -> "Read";
            case "WriteFile" -> "Write";
            case "QueryOpen", "QueryBasicInformationFile", "QueryStandardInformationFile" -> "Read Metadata";
            case "SetBasicInformationFile" -> "Write Metadata";
            default -> "";
        };
    }
}
