package org.pmtriage.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where ProcMon is looked for, and what is said when it is not found. */
class ProcMonLocationTest {

    @TempDir
    Path tmp;

    private Path executable(Path dir, String name) throws IOException {
        Path exe = Files.createDirectories(dir).resolve(name);
        Files.writeString(exe, "");
        exe.toFile().setExecutable(true);
        return exe;
    }

    @Test
    void optionComesBeforeTheVariableAndThePath() throws Exception {
        Path option = executable(tmp.resolve("a"), "Procmon64.exe");
        Path variable = executable(tmp.resolve("b"), "Procmon64.exe");
        Path onPath = executable(tmp.resolve("c"), "Procmon64.exe");
        assertEquals(option, ProcMonLocation.find(Optional.of(option), Optional.of(variable.toString()),
                Optional.of(onPath.getParent().toString()), true));
        assertEquals(variable, ProcMonLocation.find(Optional.empty(), Optional.of(variable.toString()),
                Optional.of(onPath.getParent().toString()), true));
        assertEquals(onPath, ProcMonLocation.find(Optional.empty(), Optional.of(" "),
                Optional.of(onPath.getParent().toString()), true));
    }

    @Test
    void pathIsSearchedInOrderForProcmon64ThenProcmon() throws Exception {
        Path first = executable(tmp.resolve("first"), "Procmon.exe");
        Path second = executable(tmp.resolve("second"), "Procmon64.exe");
        String path = tmp.resolve("empty") + File.pathSeparator + first.getParent() + File.pathSeparator + second.getParent();
        assertEquals(first, ProcMonLocation.find(Optional.empty(), Optional.empty(), Optional.of(path), true));
        Path both = executable(tmp.resolve("both"), "Procmon.exe");
        Path both64 = executable(tmp.resolve("both"), "Procmon64.exe");
        assertEquals(both64, ProcMonLocation.find(Optional.empty(), Optional.empty(),
                Optional.of(both.getParent().toString()), true));
    }

    @Test
    void missingProcMonIsSaidPlainly() throws Exception {
        CaptureSetupException none = assertThrows(CaptureSetupException.class, () -> ProcMonLocation.find(
                Optional.empty(), Optional.empty(), Optional.of(tmp.toString()), true));
        assertEquals("ProcMon not found: put Procmon64.exe (Sysinternals) on PATH, or name it with --procmon or"
                + " PMTRIAGE_PROCMON", none.getMessage());
        Path absent = tmp.resolve("Procmon64.exe");
        CaptureSetupException variable = assertThrows(CaptureSetupException.class, () -> ProcMonLocation.find(
                Optional.empty(), Optional.of(absent.toString()), Optional.empty(), true));
        assertEquals("ProcMon not found: " + absent + " (from PMTRIAGE_PROCMON) is not an executable file",
                variable.getMessage());
    }

    @Test
    void elsewhereThanWindowsOnlyAGivenStandInIsTaken() throws Exception {
        Path onPath = executable(tmp.resolve("c"), "Procmon64.exe");
        CaptureSetupException e = assertThrows(CaptureSetupException.class, () -> ProcMonLocation.find(
                Optional.empty(), Optional.empty(), Optional.of(onPath.getParent().toString()), false));
        assertEquals("ProcMon runs on Windows only; run capture on a Windows host or VM (a stand-in for tests may be"
                + " named with --procmon or PMTRIAGE_PROCMON)", e.getMessage());
        assertEquals(onPath, ProcMonLocation.find(Optional.empty(), Optional.of(onPath.toString()), Optional.empty(),
                false));
    }
}
