package org.pmtriage.diagnosis;

import java.util.List;

import org.pmtriage.analysis.AnalysisResult;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Stack;

/** Captures of each shape of finding, with a process of a given runtime in the role that decides the remedy. */
final class Scenarios {

    static final String FILE = "C:\\build\\gen\\parser_tab.cpp";
    static final String LOG = "C:\\build\\build.log";
    static final long MODULE_BASE = 0x1e000000L;

    /**
     * A process as the log shows it.
     *
     * @param name        process name
     * @param image       image path, empty when the log has none
     * @param commandLine command line, empty when the log has none
     * @param modules     modules it loads (Load Image), at {@link #MODULE_BASE} and after
     */
    record Proc(String name, String image, String commandLine, List<String> modules) {
    }

    private Scenarios() {
    }

    /** A process of that runtime (its id as the remedies file writes it), at the version given. */
    static Proc of(String runtime, String version) {
        String dotless = version.replace(".", "");
        return switch (runtime) {
            case "cpython" -> new Proc("python.exe", "", "", List.of("C:\\Py\\python" + dotless + ".dll"));
            case "dotnet" -> new Proc("app.exe", "C:\\build\\tools\\app.exe", "", List.of("C:\\dotnet\\coreclr.dll"));
            case "powershell" -> new Proc("powershell.exe",
                    "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "", List.of());
            case "node" -> new Proc("node.exe", "C:\\Program Files\\nodejs\\node.exe", "", List.of());
            case "go" -> new Proc("go.exe", "", "go.exe build ./...", List.of());
            case "java" -> new Proc("java.exe", "", "", List.of("C:\\jdk\\bin\\server\\jvm.dll"));
            case "git-for-windows" -> new Proc("git.exe", "C:\\Program Files\\Git\\cmd\\git.exe", "", List.of());
            case "ninja" -> new Proc("ninja.exe", "C:\\tools\\ninja.exe", "", List.of());
            case "mspdbsrv" -> new Proc("mspdbsrv.exe", "", "mspdbsrv.exe -start -spawn", List.of());
            case "vbcscompiler" -> new Proc("VBCSCompiler.exe", "", "", List.of());
            case "msbuild-node" -> new Proc("MSBuild.exe", "", "MSBuild.exe /nologo /nodemode:1 /nodeReuse:true",
                    List.of());
            case "msbuild" -> new Proc("MSBuild.exe", "", "MSBuild.exe build.proj", List.of());
            case "antivirus" -> new Proc("MsMpEng.exe", "", "", List.of());
            case "indexer" -> new Proc("SearchProtocolHost.exe", "", "", List.of());
            case "unknown", "any" -> new Proc("builder.exe", "", "", List.of());
            default -> throw new IllegalArgumentException("no process for runtime " + runtime);
        };
    }

    /** @return a capture whose finding has that shape, with {@code p} where its runtime decides */
    static AnalysisResult of(FindingShape shape, Proc p) {
        return switch (shape) {
            case CROSS_THREAD_RACE -> leak(p, 2);
            case SPAWN_LEAK -> leak(p, 1);
            case REDIRECT_INTO_SERVER -> redirectIntoServer(p);
            case SERVER_HOLDING -> holding(p, DiagnosisCapture.WRITE_EXCLUSIVE);
            case SCANNER_HOLDING -> holding(p, DiagnosisCapture.READ_SHARED);
            case RUNNING_IMAGE -> runningImage(p);
        };
    }

    /** {@code p} (pid 100) is seen with its image, command line and modules. */
    static DiagnosisCapture introduce(DiagnosisCapture c, Proc p, int pid) {
        c.event(0, p.name(), pid, 1, "Thread Create", "", "SUCCESS", "Thread ID: 1", p.image(), p.commandLine(),
                ExportColumns.NONE, Stack.NONE);
        long base = MODULE_BASE;
        for (String m : p.modules()) {
            c.load(0.01, p.name(), pid, m, base, 0x100000);
            base += 0x100000;
        }
        return c;
    }

    /** {@code p} opens a file for writing on thread 1 and spawns cmd.exe from {@code spawnTid}; cmd.exe closes it. */
    static AnalysisResult leak(Proc p, int spawnTid) {
        DiagnosisCapture c = introduce(new DiagnosisCapture(), p, 100);
        c.open(1, p.name(), 100, 1, FILE, DiagnosisCapture.WRITE_EXCLUSIVE, Stack.NONE)
                .spawn(6, p.name(), 100, spawnTid, "C:\\Windows\\System32\\cmd.exe", "cmd.exe /c cl.exe", 200, Stack.NONE)
                .close(30, "cmd.exe", 200, FILE)
                .exit(31, "cmd.exe", 200, 0);
        return c.finish();
    }

    /** cmd.exe redirects a log into cl.exe, which writes it and starts {@code p}; cl.exe exits, {@code p} closes it last. */
    static AnalysisResult redirectIntoServer(Proc p) {
        DiagnosisCapture c = new DiagnosisCapture();
        c.open(1, "cmd.exe", 100, 1, LOG, DiagnosisCapture.WRITE_EXCLUSIVE, Stack.NONE)
                .spawn(1.5, "cmd.exe", 100, 1, "C:\\VS\\bin\\cl.exe", "cl.exe /c /Zi x.cpp", 200, Stack.NONE)
                .write(3, "cl.exe", 200, LOG)
                .spawn(4, "cl.exe", 200, 1, p.image().isEmpty() ? "C:\\VS\\bin\\" + p.name() : p.image(),
                        p.commandLine().isEmpty() ? p.name() : p.commandLine(), 300, Stack.NONE);
        introduce(c, p, 300);
        c.exit(10, "cl.exe", 200, 0)
                .close(12, "cmd.exe", 100, "C:\\build\\other.txt")
                .exit(2000, "cmd.exe", 100, 0)
                .close(3000, p.name(), 300, LOG);
        return c.finish();
    }

    /** {@code p} opens a new file itself; link.exe is refused it for writing. */
    static AnalysisResult holding(Proc p, String detail) {
        DiagnosisCapture c = introduce(new DiagnosisCapture(), p, 100);
        c.open(1, p.name(), 100, 1, FILE, detail, Stack.NONE)
                .refused(2, "link.exe", 200, FILE, DiagnosisCapture.WRITE_REFUSED)
                .exit(3, "link.exe", 200, 1);
        return c.finish();
    }

    /** cmd.exe runs {@code p}'s image C:\build\out\test.exe; link.exe is refused it for writing. */
    static AnalysisResult runningImage(Proc p) {
        DiagnosisCapture c = new DiagnosisCapture();
        c.spawn(1, "cmd.exe", 100, 1, "C:\\build\\out\\" + p.name(), p.name(), 300, Stack.NONE)
                .refused(5, "link.exe", 200, "C:\\build\\out\\" + p.name(), DiagnosisCapture.WRITE_REFUSED);
        return c.finish();
    }
}
