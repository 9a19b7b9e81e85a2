package org.pmtriage.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pmtriage.event.Module;

class RuntimeIdentifierTest {

    private static final RuntimeIdentifier.VersionResource NONE = RuntimeIdentifier.VersionResource.NONE;

    private static Module module(String path) {
        return new Module(0x1d000000L, 0x400000, path, "", "", "");
    }

    private static RuntimeId identify(String name, String image, String commandLine, String... modules) {
        return RuntimeIdentifier.identify(name, image, commandLine, NONE,
                java.util.Arrays.stream(modules).map(RuntimeIdentifierTest::module).toList());
    }

    @Test
    void cpythonVersionComesFromItsDllWhateverTheExeIsCalled() {
        RuntimeId r = identify("scons.exe", "C:\\tools\\scons.exe", "", "C:\\Python27\\python27.dll");
        assertEquals(RuntimeKind.CPYTHON, r.runtime());
        assertEquals("2.7", r.version());
        assertEquals(EvidenceKind.MODULE, r.evidence());
        assertEquals(EvidenceKind.Strength.STRONG, r.strength());
        assertEquals("3.10", identify("python.exe", "", "", "C:\\Py\\python310.dll").version());
        assertEquals("3.8", identify("python.exe", "", "", "C:\\Py\\PYTHON38.DLL").version());
    }

    @Test
    void modulesNameTheirRuntimeInAnyCaseAndFolderAndOthersNameNone() {
        assertEquals(RuntimeKind.DOTNET, RuntimeIdentifier.fromModule("C:\\Windows\\CLR.DLL").runtime());
        assertEquals(RuntimeKind.DOTNET, RuntimeIdentifier.fromModule("coreclr.dll").runtime());
        assertEquals(RuntimeKind.JAVA, RuntimeIdentifier.fromModule("C:/jdk/bin/server/Jvm.dll").runtime());
        assertEquals(RuntimeKind.POWERSHELL,
                RuntimeIdentifier.fromModule("C:\\GAC\\System.Management.Automation.ni.dll").runtime());
        assertEquals(RuntimeKind.MSBUILD, RuntimeIdentifier.fromModule("C:\\VS\\Microsoft.Build.dll").runtime());
        assertEquals("2.7", RuntimeIdentifier.fromModule("C:\\Python27\\Python27.Dll").version());
        for (String other : List.of("C:\\Windows\\System32\\kernel32.dll", "C:\\x\\clr.dll.mui", "clr.exe",
                "C:\\x\\aclr.dll", "C:\\x\\jvm.dl", "C:\\clr.dll\\x", "C:\\x\\python.dll", "", ".dll", "dll")) {
            assertNull(RuntimeIdentifier.fromModule(other), other);
            assertFalse(RuntimeIdentifier.decides(other), other);
        }
    }

    @Test
    void theStableAbiForwarderNamesNoVersion() {
        assertNull(RuntimeIdentifier.fromModule("C:\\Python310\\python3.dll"));
        RuntimeId r = identify("python.exe", "C:\\Python310\\python.exe", "", "C:\\Python310\\python3.dll");
        assertEquals(EvidenceKind.IMAGE_PATH, r.evidence(), "python3.dll decides nothing; the path does");
        assertEquals("3.10", r.version());
    }

    @Test
    void aModuleBeatsThePathAndThePathBeatsTheName() {
        RuntimeId r = identify("python.exe", "C:\\Python27\\python.exe", "C:\\Python27\\python.exe x.py",
                "C:\\Python38\\python38.dll");
        assertEquals("3.8", r.version());
        assertEquals(EvidenceKind.MODULE, r.evidence());
        RuntimeId byPath = identify("python.exe", "C:\\Python27\\python.exe", "");
        assertEquals("2.7", byPath.version());
        assertEquals(EvidenceKind.Strength.WEAK, byPath.strength());
        assertTrue(byPath.because().contains("weaker evidence"), byPath.because());
        RuntimeId byName = identify("python.exe", "", "");
        assertEquals("", byName.version());
        assertEquals(EvidenceKind.IMAGE_NAME, byName.evidence());
    }

    @Test
    void theCommandLineNamesTheProgramWhenTheImagePathIsUnknown() {
        RuntimeId r = identify("python.exe", "", "\"C:\\Python27\\python.exe\" C:\\Python27\\Scripts\\scons.py -j8");
        assertEquals(RuntimeKind.CPYTHON, r.runtime());
        assertEquals("2.7", r.version());
        assertEquals(EvidenceKind.COMMAND_LINE, r.evidence());
    }

    @Test
    void theVersionResourceGivesCpythonsVersionInBothForms() {
        for (String version : List.of("2.7.18", "2.7.18150.1013")) {
            RuntimeId r = RuntimeIdentifier.identify("tool.exe", "", "",
                    new RuntimeIdentifier.VersionResource("Python", "Python Software Foundation", version), List.of());
            assertEquals(RuntimeKind.CPYTHON, r.runtime());
            assertEquals("2.7", r.version(), version);
            assertEquals(EvidenceKind.VERSION_RESOURCE, r.evidence());
        }
    }

    @Test
    void aWindowsVersionResourceGivesItsNumbersWithoutTheBuildLabel() {
        // epicmine901-epic/Logfile.XML's MsMpEng.exe
        RuntimeId r = RuntimeIdentifier.identify("MsMpEng.exe", "", "", new RuntimeIdentifier.VersionResource(
                "Antimalware Service Executable", "Microsoft Corporation", "4.18.1909.6 (WinBuild.160101.0800)"),
                List.of());
        assertEquals(RuntimeKind.ANTIVIRUS, r.runtime());
        assertEquals("4.18.1909.6", r.version());
        assertTrue(r.text().contains("4.18.1909.6 (WinBuild.160101.0800)"), r.text());
        assertEquals("no digits", RuntimeIdentifier.numeric(" no digits "));
    }

    @Test
    void windowsPowershellsFileVersionIsWindowssNotPowershells() {
        // procmon-parser/win10x64-process.pml's PowerShell.exe: 10.0.18362.1, Windows's build
        RuntimeId r = RuntimeIdentifier.identify("PowerShell.exe", "", "", new RuntimeIdentifier.VersionResource(
                "Windows PowerShell", "Microsoft Corporation", "10.0.18362.1 (WinBuild.160101.0800)"),
                List.of(module("C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll")));
        assertEquals(RuntimeKind.POWERSHELL, r.runtime());
        assertEquals("", r.version());
        assertEquals("7.2.1", RuntimeIdentifier.identify("pwsh.exe", "", "",
                new RuntimeIdentifier.VersionResource("pwsh", "Microsoft Corporation", "7.2.1"), List.of()).version());
    }

    @Test
    void otherRuntimesByModulePathOrName() {
        assertEquals(RuntimeKind.DOTNET, identify("app.exe", "", "", "C:\\dotnet\\coreclr.dll").runtime());
        assertEquals(RuntimeKind.DOTNET, identify("app.exe", "", "", "C:\\Windows\\Microsoft.NET\\clr.dll").runtime());
        assertEquals(RuntimeKind.JAVA, identify("gradle.exe", "", "", "C:\\jdk\\bin\\server\\jvm.dll").runtime());
        assertEquals(RuntimeKind.GIT, identify("sh.exe", "C:\\Program Files\\Git\\usr\\bin\\sh.exe", "").runtime());
        assertEquals(RuntimeKind.NODE, identify("node.exe", "C:\\Program Files\\nodejs\\node.exe", "").runtime());
        assertEquals(RuntimeKind.MSPDBSRV, identify("mspdbsrv.exe", "", "mspdbsrv.exe -start -spawn").runtime());
        assertEquals(RuntimeKind.VBCSCOMPILER, identify("VBCSCompiler.exe", "", "").runtime());
        assertEquals(RuntimeKind.ANTIVIRUS, identify("MsMpEng.exe", "", "").runtime());
        assertEquals(RuntimeKind.INDEXER, identify("SearchProtocolHost.exe", "", "").runtime());
        assertEquals(RuntimeKind.POWERSHELL, identify("powershell.exe",
                "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "").runtime());
    }

    @Test
    void aDotnetModuleConfirmsADotnetHostRatherThanHidingIt() {
        RuntimeId ps = identify("PowerShell.exe", "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "",
                "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll");
        assertEquals(RuntimeKind.POWERSHELL, ps.runtime());
        assertEquals(EvidenceKind.MODULE, ps.evidence());
        assertTrue(ps.text().startsWith("C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll in "), ps.text());
        RuntimeId app = identify("app.exe", "", "", "C:\\dotnet\\coreclr.dll", "C:\\Py\\python310.dll");
        assertEquals(RuntimeKind.CPYTHON, app.runtime(), "a module more specific than .NET's wins");
    }

    @Test
    void msbuildWithNodeModeIsAWorkerNode() {
        RuntimeId node = identify("MSBuild.exe", "C:\\VS\\MSBuild\\Current\\Bin\\MSBuild.exe",
                "MSBuild.exe /nologo /nodemode:1 /nodeReuse:true");
        assertEquals(RuntimeKind.MSBUILD_NODE, node.runtime());
        assertEquals(RuntimeKind.MSBUILD, identify("MSBuild.exe", "", "MSBuild.exe build.proj /m").runtime());
    }

    @Test
    void nothingKnownIsUnknown() {
        assertEquals(RuntimeId.UNKNOWN, identify("cl.exe", "C:\\VS\\bin\\cl.exe", "cl.exe /c x.cpp"));
    }
}
