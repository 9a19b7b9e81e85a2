package org.pmtriage.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which processes count as a running ProcMon. */
class ProcMonInstancesTest {

    private static final String EXE = "C:\\Tools\\Procmon64.exe";

    @Test
    void anyProcMonByItsNameCounts() {
        for (String command : List.of("C:\\Windows\\Temp\\PROCMON64.EXE", "D:\\sysinternals\\Procmon.exe",
                "C:\\Program Files\\Procmon64a.exe", EXE)) {
            assertTrue(ProcMonInstances.isProcMon(Optional.of(command), Optional.empty(), EXE), command);
        }
    }

    @Test
    void aStandInRunByAnInterpreterCountsByItsPath() {
        String script = "/tmp/t/Procmon64-stand-in.sh";
        assertTrue(ProcMonInstances.isProcMon(Optional.of("/usr/bin/dash"), Optional.of(new String[] {script, "/Stay"}),
                script));
        assertFalse(ProcMonInstances.isProcMon(Optional.of("/usr/bin/dash"),
                Optional.of(new String[] {"/tmp/other/Procmon64-stand-in.sh"}), script));
    }

    @Test
    void otherProcessesDoNot() {
        assertFalse(ProcMonInstances.isProcMon(Optional.of("C:\\Windows\\explorer.exe"), Optional.of(new String[0]), EXE));
        assertFalse(ProcMonInstances.isProcMon(Optional.of("C:\\Tools\\Procmon64.exe.bak"), Optional.empty(), EXE));
        assertFalse(ProcMonInstances.isProcMon(Optional.empty(), Optional.empty(), EXE), "a process we may not inspect");
    }

    @Test
    void thisProcessIsNeverListed() {
        String self = ProcessHandle.current().info().command().orElse("");
        assertEquals(List.of(), ProcMonInstances.running(java.nio.file.Path.of(self)).stream()
                .filter(pid -> pid == ProcessHandle.current().pid()).toList());
    }
}
