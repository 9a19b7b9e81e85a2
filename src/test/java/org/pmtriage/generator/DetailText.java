package org.pmtriage.generator;

import java.time.LocalDate;

/**
 * Builds Detail texts as ProcMon's English UI writes them, with numbers grouped the locale's way
 * ({@code Length: 1,024} or {@code Length: 1.024}).
 */
final class DetailText {

    /** Separator of the Environment block inside a CSV Process Start Detail: a bare CR. */
    static final String ENV_SEPARATOR = "\r;\t";

    private static final String[] ENVIRONMENT = {
        "=::=::\\", "ALLUSERSPROFILE=C:\\ProgramData", "APPDATA=C:\\Users\\ci\\AppData\\Roaming",
        "COMPUTERNAME=BUILD-07", "ComSpec=C:\\Windows\\system32\\cmd.exe",
        "INCLUDE=C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Tools\\MSVC\\14.38.33130\\include;C:\\build\\include",
        "NUMBER_OF_PROCESSORS=8", "OS=Windows_NT",
        "Path=C:\\Python27\\;C:\\Python27\\Scripts;C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Tools\\MSVC\\14.38.33130\\bin\\Hostx64\\x64;C:\\Windows\\system32;C:\\Windows",
        "PATHEXT=.COM;.EXE;.BAT;.CMD;.PY", "PROCESSOR_ARCHITECTURE=AMD64",
        "PROCESSOR_IDENTIFIER=Intel64 Family 6 Model 158 Stepping 10, GenuineIntel",
        "SCONSFLAGS=-j8 --debug=time", "SystemRoot=C:\\Windows", "TEMP=C:\\Users\\ci\\AppData\\Local\\Temp",
        "TMP=C:\\Users\\ci\\AppData\\Local\\Temp", "USERNAME=ci", "windir=C:\\Windows"};

    private static final String ENVIRONMENT_TEXT;

    static {
        StringBuilder sb = new StringBuilder();
        for (String variable : ENVIRONMENT) {
            sb.append(ENV_SEPARATOR).append(variable);
        }
        ENVIRONMENT_TEXT = sb.toString();
    }

    private final CaptureLocale locale;
    private final LocalDate firstDay;
    private final boolean oldProcessStart;

    DetailText(CaptureLocale locale, LocalDate firstDay, boolean oldProcessStart) {
        this.locale = locale;
        this.firstDay = firstDay;
        this.oldProcessStart = oldProcessStart;
    }

    String createFile(String access, String disposition, String options, String attributes,
                      String shareMode, String allocation, String openResult) {
        StringBuilder sb = new StringBuilder(200).append("Desired Access: ").append(access)
                .append(", Disposition: ").append(disposition).append(", Options: ").append(options)
                .append(", Attributes: ").append(attributes).append(", ShareMode: ").append(shareMode)
                .append(", AllocationSize: ").append(allocation);
        if (openResult != null) {
            sb.append(", OpenResult: ").append(openResult);
        }
        return sb.toString();
    }

    String readWrite(long offset, long length, boolean paging) {
        return "Offset: " + locale.number(offset) + ", Length: " + locale.number(length)
                + (paging ? ", I/O Flags: Non-cached, Paging I/O, Synchronous Paging I/O" : "")
                + ", Priority: Normal";
    }

    String processCreate(int childPid, String commandLine) {
        return "PID: " + childPid + ", Command line: " + commandLine;
    }

    String processStart(int parentPid, String commandLine, String currentDirectory) {
        if (oldProcessStart) {
            return "Parent PID: " + parentPid;
        }
        return "Parent PID: " + parentPid + ", Command line: " + commandLine + ", Current directory: "
                + currentDirectory + ", Environment: " + ENVIRONMENT_TEXT;
    }

    String processExit(int status, long userTicks, long kernelTicks, long privateBytes, long workingSet) {
        return "Exit Status: " + status + ", User Time: " + locale.seconds(userTicks) + " seconds, Kernel Time: "
                + locale.seconds(kernelTicks) + " seconds, Private Bytes: " + locale.number(privateBytes)
                + ", Peak Private Bytes: " + locale.number(privateBytes + 98_304) + ", Working Set: "
                + locale.number(workingSet) + ", Peak Working Set: " + locale.number(workingSet + 40_960);
    }

    String threadCreate(int tid) {
        return "Thread ID: " + tid;
    }

    String threadExit(int tid, long userTicks, long kernelTicks) {
        return "Thread ID: " + tid + ", User Time: " + locale.seconds(userTicks) + ", Kernel Time: "
                + locale.seconds(kernelTicks);
    }

    String loadImage(long base, long size) {
        return "Image Base: 0x" + Long.toHexString(base) + ", Image Size: 0x" + Long.toHexString(size);
    }

    String regOpenKey() {
        return "Desired Access: Read";
    }

    String regQueryString(String data) {
        return "Type: REG_SZ, Length: " + locale.number(2L * data.length() + 2) + ", Data: " + data;
    }

    String regQueryDword(int value) {
        return "Type: REG_DWORD, Length: 4, Data: " + value;
    }

    String regQueryMissing() {
        return "Length: 144";
    }

    /** QueryBasicInformationFile on an open file, dates a few days before the capture. */
    String queryBasic(int daysBefore, String attributes) {
        String when = locale.dateTime(firstDay.minusDays(daysBefore), 9 * 3600 * 10_000_000L + 1_234L * 10_000_000L);
        return "CreationTime: " + when + ", LastAccessTime: " + when + ", LastWriteTime: " + when
                + ", ChangeTime: " + when + ", FileAttributes: " + attributes;
    }

    /** QueryOpen that found the file (FastIoQueryOpen). */
    String queryOpen(int daysBefore, long size) {
        String when = locale.dateTime(firstDay.minusDays(daysBefore), 11 * 3600 * 10_000_000L + 77L * 10_000_000L);
        return "CreationTime: " + when + ", LastAccessTime: " + when + ", LastWriteTime: " + when
                + ", ChangeTime: " + when + ", AllocationSize: " + locale.number((size + 4095) / 4096 * 4096)
                + ", EndOfFile: " + locale.number(size) + ", FileAttributes: A";
    }

    String queryStandard(long size) {
        return "AllocationSize: " + locale.number((size + 4095) / 4096 * 4096) + ", EndOfFile: "
                + locale.number(size) + ", NumberOfLinks: 1, DeletePending: False, Directory: False";
    }
}
