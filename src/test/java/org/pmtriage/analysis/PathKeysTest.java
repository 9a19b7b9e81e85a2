package org.pmtriage.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathKeysTest {

    @Test
    void caseAndWin32PrefixesNeverMatter() {
        PathKeys keys = new PathKeys();
        assertEquals(keys.key("C:\\Build\\A.cpp"), keys.key("\\\\?\\c:\\build\\a.CPP"));
        assertEquals(keys.key("C:\\Build\\A.cpp"), keys.key("\\??\\C:\\build\\a.cpp"));
        assertEquals(keys.key("\\\\server\\share\\a"), keys.key("\\\\?\\UNC\\server\\share\\a"));
    }

    @Test
    void streamsAndTrailingDotsStayDistinct() {
        PathKeys keys = new PathKeys();
        assertNotEquals(keys.key("C:\\a.txt"), keys.key("C:\\a.txt:Zone.Identifier"));
        assertNotEquals(keys.key("C:\\a.txt"), keys.key("\\\\?\\C:\\a.txt."));
    }

    @Test
    void deviceVolumeIsLearnedFromOneFileSeenBothWays() {
        PathKeys keys = new PathKeys();
        String before = keys.key("\\Device\\HarddiskVolume2\\src\\x.c");
        assertTrue(before.startsWith("\\device\\"), "unknown until the log shows the drive form");
        keys.key("D:\\src\\x.c");
        assertEquals("d:\\src\\y.c", keys.key("\\Device\\HarddiskVolume2\\src\\y.c"));
        assertEquals("\\device\\harddiskvolume3\\src\\y.c", keys.key("\\Device\\HarddiskVolume3\\src\\y.c"));
    }

    @Test
    void aDriveFormMetBeforeStillTeachesTheVolumeOnceADeviceFormAppears() {
        PathKeys keys = new PathKeys();
        assertEquals("d:\\src\\x.c", keys.key("D:\\src\\x.c"));
        assertEquals("d:\\src\\x.c", keys.key("D:\\src\\x.c"), "met again");
        keys.key("\\Device\\HarddiskVolume2\\src\\x.c");
        keys.key("D:\\src\\x.c");
        assertEquals("d:\\src\\y.c", keys.key("\\Device\\HarddiskVolume2\\src\\y.c"));
    }

    @Test
    void aShortNameMetBeforeTheFolderWasNamedBecomesLongAfter() {
        PathKeys keys = new PathKeys();
        String shortPath = "C:\\RUNNER~1\\a.obj";
        assertEquals("c:\\runner~1\\a.obj", keys.key(shortPath));
        assertEquals("c:\\runner~1\\a.obj", keys.key(shortPath));
        keys.knownFolders("C:\\RunnerAdmin\\work");
        assertEquals("c:\\runneradmin\\a.obj", keys.key(shortPath));
    }

    @Test
    void shortNamesBecomeLongOnceAProcessNamedTheFolder() {
        PathKeys keys = new PathKeys();
        String shortPath = "C:\\PROGRA~1\\Tool Kit\\bin\\x.dll";
        assertEquals(shortPath.toLowerCase(java.util.Locale.ROOT), keys.key(shortPath), "nothing learned yet");
        keys.knownFolders("\"C:\\Program Files\\Tool Kit\\bin\\tool.exe\" -v");
        assertEquals("c:\\program files\\tool kit\\bin\\x.dll", keys.key(shortPath));
        assertEquals("c:\\progra~2\\x.dll", keys.key("C:\\PROGRA~2\\x.dll"),
                "~2 may be Program Files (x86), which the log did not name");
        PathKeys twoCandidates = new PathKeys();
        twoCandidates.knownFolders("C:\\Program Files\\a.exe C:\\ProgramData\\b.txt");
        assertEquals("c:\\progra~1\\z.txt", twoCandidates.key("C:\\PROGRA~1\\z.txt"),
                "two long names fit PROGRA~1: neither is taken");
    }

    @Test
    void shortFormRule() {
        assertTrue(PathKeys.isShortFormOf("runner~1", "runneradmin"));
        assertTrue(PathKeys.isShortFormOf("progra~1", "program files"));
        assertTrue(PathKeys.isShortFormOf("longfi~1.htm", "longfilename.html"));
        assertFalse(PathKeys.isShortFormOf("runner~1", "builder"));
        assertFalse(PathKeys.isShortFormOf("a.txt", "a.txt"));
        assertFalse(PathKeys.isShortFormOf("longfi~1.txt", "longfilename.html"));
    }
}
