package org.pmtriage.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProcessDetailTest {

    @Test
    void processCreateGivesChildPidAndCommandLineWithCommas() {
        ProcessDetail d = ProcessDetail.parse("PID: 2520, Command line: \"C:\\a, b\\hehda.exe\" /x, /y");
        assertEquals(2520, d.pid());
        assertEquals("\"C:\\a, b\\hehda.exe\" /x, /y", d.commandLine());
    }

    @Test
    void processStartStopsBeforeCurrentDirectory() {
        ProcessDetail d = ProcessDetail.parse("Parent PID: 3596, Command line: cmd.exe /c cl.exe, Current "
                + "directory: C:\\build\\, Environment: \r;\tPATH=C:\\x");
        assertEquals(3596, d.pid());
        assertEquals("cmd.exe /c cl.exe", d.commandLine());
    }

    @Test
    void oldExportsHaveOnlyTheParentPid() {
        assertEquals(new ProcessDetail(1432, ""), ProcessDetail.parse("Parent PID: 1432"));
        assertEquals(new ProcessDetail(Event.UNKNOWN, ""), ProcessDetail.parse("Exit Status: 0"));
        assertEquals(Event.UNKNOWN, ProcessDetail.parse("PID: 99999999999").pid());
    }
}
