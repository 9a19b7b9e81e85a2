package org.pmtriage.generator;

import java.util.List;
import java.util.SplittableRandom;

import org.pmtriage.event.Event;

/**
 * What the build's processes log, one process at a time: start-up noise (images, registry), file
 * reads and writes that the process opens and closes itself, and the process trees a job spawns
 * ({@code cmd /c cl}, {@code cmd /c link >> log}, {@code cmd /c touch}).
 */
final class ProcessScripts {

    /**
     * A spawned tree: the shell, the tool it ran, and the times that matter to the truth.
     *
     * @param openedAt    when the shell opened the redirection target (hand-over), else 0
     * @param spawnedAt   when the shell logged the tool's Process Create
     * @param violationAt when the tool's open failed with SHARING VIOLATION, else 0
     * @param closedAt    when the inherited handle's CloseFile was logged, else 0
     */
    record Tree(SimProcess shell, SimProcess tool, long openedAt, long spawnedAt, long violationAt, long closedAt) {
    }

    /** Longest step between two events of one process, in ticks. */
    static final long MAX_STEP = 2_550;

    /** The build's current directory as CreateFile names it (no trailing backslash). */
    static final String CURRENT_DIRECTORY = "C:\\build";
    static final String SUCCESS = Event.SUCCESS;
    private static final String TOUCH = "C:\\Program Files\\Git\\usr\\bin\\touch.exe";
    private static final String NOT_FOUND = "NAME NOT FOUND";
    private static final String READ_OPTIONS = "Sequential Access, Synchronous IO Non-Alert, Non-Directory File";
    static final String WRITE_OPTIONS = "Synchronous IO Non-Alert, Non-Directory File";
    private static final String[] SYSTEM_DLLS = {"C:\\Windows\\System32\\ntdll.dll",
        "C:\\Windows\\System32\\kernel32.dll", "C:\\Windows\\System32\\KernelBase.dll"};
    private static final String[] HEADERS = {"C:\\build\\include\\common.h", "C:\\build\\include\\platform.h",
        "C:\\build\\include\\config, local.h", "C:\\build\\third_party\\zlib,1.3\\zlib.h",
        "C:\\build\\third_party\\zlib,1.3\\zconf.h", "C:\\build\\include\\strings.h",
        "C:\\build\\include\\net\\socket.h", "C:\\build\\include\\ui\\widget.h"};
    private static final String[] VC_HEADERS = {"vector", "string", "xmemory", "yvals_core.h", "algorithm",
        "iosfwd", "xstring", "cstdlib"};
    private static final String VC_INCLUDE =
            "C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Tools\\MSVC\\14.38.33130\\include\\";

    private final BuildSimulation sim;
    private final SplittableRandom random;

    ProcessScripts(BuildSimulation sim, SplittableRandom random) {
        this.sim = sim;
        this.random = random;
    }

    long next(SimProcess p) {
        p.clock += 50 + random.nextInt((int) MAX_STEP - 50);
        return p.clock;
    }

    void log(SimProcess p, int tid, String operation, String path, String result, String detail) {
        sim.emit(next(p), p, tid, operation, path, result, detail);
    }

    // ---- building blocks ----

    void startup(SimProcess p, String... extraImages) {
        long base = 0x7ff6_0000_0000L + 0x10000L * random.nextInt(0x8000);
        log(p, p.mainTid, "Load Image", p.imagePath, SUCCESS, sim.loadImage(p, p.imagePath, base, 0x41000 + 0x1000L * random.nextInt(400)));
        for (String dll : SYSTEM_DLLS) {
            log(p, p.mainTid, "Load Image", dll, SUCCESS, sim.loadImage(p, dll, 0x7ffb_0000_0000L + (dll.hashCode() & 0xffff) * 0x10000L, 0x1f8000));
        }
        for (String dll : extraImages) {
            log(p, p.mainTid, "Load Image", dll, SUCCESS, sim.loadImage(p, dll, 0x7ffa_0000_0000L + (dll.hashCode() & 0xffff) * 0x10000L, 0x9a000));
        }
        log(p, p.mainTid, "RegOpenKey", "HKLM\\System\\CurrentControlSet\\Control\\Session Manager", "REPARSE", sim.text.regOpenKey());
        log(p, p.mainTid, "RegOpenKey", "HKLM\\System\\CurrentControlSet\\Control\\Session Manager", SUCCESS, sim.text.regOpenKey());
        log(p, p.mainTid, "RegQueryValue", "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\RaiseExceptionOnPossibleDeadlock",
                NOT_FOUND, sim.text.regQueryMissing());
        log(p, p.mainTid, "RegCloseKey", "HKLM\\System\\CurrentControlSet\\Control\\Session Manager", SUCCESS, "");
        if (sim.config.behaviours().currentDirectory()) {
            sim.directories.open(p, CURRENT_DIRECTORY, next(p));
        }
    }

    /** Opens, reads and closes a file in one process, with optional FastIo noise first. */
    void readFile(SimProcess p, int tid, String path, long size, String share, boolean fastIo) {
        if (fastIo) {
            log(p, tid, "QueryOpen", path, "FAST IO DISALLOWED", "");
        }
        log(p, tid, "CreateFile", path, SUCCESS, sim.text.createFile("Generic Read", "Open", READ_OPTIONS,
                "n/a", share, "n/a", "Opened"));
        if (random.nextBoolean()) {
            log(p, tid, "QueryBasicInformationFile", path, SUCCESS, sim.text.queryBasic(2 + random.nextInt(30), "A"));
        } else {
            log(p, tid, "QueryStandardInformationFile", path, SUCCESS, sim.text.queryStandard(size));
        }
        for (long offset = 0; offset < size; offset += 65_536) {
            log(p, tid, "ReadFile", path, SUCCESS, sim.text.readWrite(offset, Math.min(65_536, size - offset), false));
        }
        if (size % 65_536 == 0 || random.nextInt(4) == 0) {
            log(p, tid, "ReadFile", path, "END OF FILE", sim.text.readWrite(size, 65_536, false));
        }
        log(p, tid, "CloseFile", path, SUCCESS, "");
    }

    /** Creates or overwrites a file, writes it and closes it, in one process. */
    void writeFile(SimProcess p, int tid, String path, long size, String share, String openResult) {
        writeFile(p, tid, path, size, share, openResult, null);
    }

    /** As above, running {@code whileOpen} (at {@code p.clock}) right after the open. */
    void writeFile(SimProcess p, int tid, String path, long size, String share, String openResult,
                   Runnable whileOpen) {
        log(p, tid, "CreateFile", path, SUCCESS, sim.text.createFile("Generic Write, Read Attributes", "OverwriteIf",
                WRITE_OPTIONS, "N", share, "0", openResult));
        if (whileOpen != null) {
            whileOpen.run();
        }
        for (long offset = 0; offset < size; offset += 65_536) {
            log(p, tid, "WriteFile", path, SUCCESS, sim.text.readWrite(offset, Math.min(65_536, size - offset), false));
        }
        log(p, tid, "CloseFile", path, SUCCESS, "");
    }

    /** The driver writes a generated source: open at {@code p.clock}, writes, close at {@code closeAt}. */
    void generate(SimProcess p, int tid, String path, long closeAt) {
        long open = p.clock;
        sim.emit(open, p, tid, "CreateFile", path, SUCCESS, sim.text.createFile("Generic Write, Read Attributes",
                "OverwriteIf", WRITE_OPTIONS, "N", "Read, Write", "0", random.nextBoolean() ? "Created" : "Overwritten"));
        int writes = 1 + random.nextInt(4);
        long step = (closeAt - open) / (writes + 1);
        for (int w = 1; w <= writes; w++) {
            sim.emit(open + w * step, p, tid, "WriteFile", path, SUCCESS, sim.text.readWrite((w - 1) * 4096L, 4096, false));
        }
        sim.emit(closeAt, p, tid, "CloseFile", path, SUCCESS, "");
        p.clock = closeAt;
    }

    // ---- process trees ----

    SimProcess shell(SimProcess parent, int tid, long at, String commandLine, int fixedPid) {
        SimProcess cmd = sim.spawn(parent, tid, at, BuildJobs.CMD, commandLine, "C:\\build\\", fixedPid);
        startup(cmd, "C:\\Windows\\System32\\msvcrt.dll");
        log(cmd, cmd.mainTid, "RegOpenKey", "HKLM\\Software\\Microsoft\\Command Processor", SUCCESS, sim.text.regOpenKey());
        log(cmd, cmd.mainTid, "RegQueryValue", "HKLM\\Software\\Microsoft\\Command Processor\\AutoRun", NOT_FOUND,
                sim.text.regQueryMissing());
        log(cmd, cmd.mainTid, "RegCloseKey", "HKLM\\Software\\Microsoft\\Command Processor", SUCCESS, "");
        return cmd;
    }

    void findTool(SimProcess cmd, String exe) {
        log(cmd, cmd.mainTid, "QueryOpen", "C:\\build\\" + exe, NOT_FOUND, "");
        log(cmd, cmd.mainTid, "QueryOpen", "C:\\Python27\\" + exe, NOT_FOUND, "");
        log(cmd, cmd.mainTid, "QueryOpen", BuildJobs.VC_BIN + exe, SUCCESS, sim.text.queryOpen(40, 1_226_184));
    }

    static String clCommand(String source, String object) {
        return "cl.exe /nologo /c " + source + " /Fo" + object + " /EHsc /O2 /W3 /DWIN32 /D_WINDOWS"
                + " /D\"BUILD_TAG=\\\"ci,nightly\\\"\" /I\"C:\\build\\include\" /I\"C:\\build\\third_party\\zlib,1.3\"";
    }

    /**
     * {@code cmd /c cl ...} compiling a source that can be read: everything closed by its opener.
     * With a {@code scanner}, that process tries to open the object while cl writes it (ShareMode
     * None) and gets SHARING VIOLATION.
     */
    SimProcess compileTree(SimProcess parent, int tid, long at, String source, String object, SimProcess scanner) {
        return compileTree(parent, tid, at, source, object, scanner, null, false).shell();
    }

    /**
     * As above; with a {@code log}, the command is {@code cmd /c cl ... >> log 2>&1}: cmd opens the
     * log, cl writes its diagnostics through the inherited handle, and the CloseFile is logged in
     * cmd after cl exited ({@code shellClosesLast}) or in cl just before its exit (cmd closed its
     * copy silently after the spawn).
     */
    Tree compileTree(SimProcess parent, int tid, long at, String source, String object, SimProcess scanner,
                     String log, boolean shellClosesLast) {
        String cl = clCommand(source, object);
        SimProcess cmd = shell(parent, tid, at, "C:\\Windows\\system32\\cmd.exe /c " + cl
                + (log == null ? "" : " >> " + log + " 2>&1"), 0);
        long openedAt = log == null ? 0 : openRedirect(cmd, log, 1_000L + random.nextInt(90_000));
        findTool(cmd, "cl.exe");
        long spawnedAt = next(cmd);
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, spawnedAt, BuildJobs.VC_BIN + "cl.exe", cl, "C:\\build\\", 0);
        startup(tool, BuildJobs.VC_BIN + "c1xx.dll", BuildJobs.VC_BIN + "mspdb140.dll");
        log(tool, tool.mainTid, "RegQueryValue", "HKCU\\Software\\Microsoft\\VisualStudio\\14.0\\Setup\\VC\\ProductDir",
                NOT_FOUND, sim.text.regQueryMissing());
        readFile(tool, tool.mainTid, source, 2_000 + random.nextInt(150_000), "Read", false);
        int headers = 2 + random.nextInt(5);
        for (int h = 0; h < headers; h++) {
            String header = HEADERS[random.nextInt(HEADERS.length)];
            if (random.nextBoolean()) {
                log(tool, tool.mainTid, "QueryOpen", "C:\\build\\src\\" + header.substring(header.lastIndexOf('\\') + 1),
                        NOT_FOUND, "");
            }
            readFile(tool, tool.mainTid, header, 300 + random.nextInt(30_000), "Read, Write", random.nextInt(3) == 0);
        }
        for (int h = 0; h < 2; h++) {
            readFile(tool, tool.mainTid, VC_INCLUDE + VC_HEADERS[random.nextInt(VC_HEADERS.length)],
                    8_000 + random.nextInt(120_000), "Read, Write", true);
        }
        int backend = sim.ids.fresh();
        log(tool, tool.mainTid, "Thread Create", "", SUCCESS, sim.text.threadCreate(backend));
        log(tool, backend, "Load Image", BuildJobs.VC_BIN + "c2.dll", SUCCESS,
                sim.loadImage(tool, BuildJobs.VC_BIN + "c2.dll", 0x7ffa_5510_0000L, 0x6d1000));
        tool.clock += 50 * CaptureConfig.MS + random.nextInt((int) (550 * CaptureConfig.MS));
        Runnable scan = scanner == null ? null : () -> {
            long objectOpenedAt = tool.clock;
            long when = next(tool);
            sim.emit(when, scanner, scanner.mainTid + 4, "CreateFile", object, Event.SHARING_VIOLATION,
                    sim.text.createFile("Generic Read", "Open", WRITE_OPTIONS, "n/a", "Read, Write, Delete", "n/a", null));
            sim.truth.add(new CaptureTruth.SharingViolation(object, scanner.ref(), when,
                    List.of(new CaptureTruth.Holder(tool.ref(), objectOpenedAt, tool.ref()))));
        };
        writeFile(tool, backend, object, 5_000 + random.nextInt(300_000), "None", "Overwritten", scan);
        log(tool, backend, "Thread Exit", "", SUCCESS, sim.text.threadExit(backend, 312_500, 156_250));
        long closedAt = 0;
        if (log != null) {
            log(tool, tool.mainTid, "WriteFile", log, SUCCESS, sim.text.readWrite(0, source.length() + 2, false));
            if (!shellClosesLast) {
                closedAt = next(tool);
                sim.emit(closedAt, tool, tool.mainTid, "CloseFile", log, SUCCESS, "");
            }
        }
        sim.exit(tool, next(tool), 0);
        cmd.clock = tool.endTime + 100 + random.nextInt(1_000);
        if (log != null && shellClosesLast) {
            closedAt = next(cmd);
            sim.emit(closedAt, cmd, cmd.mainTid, "CloseFile", log, SUCCESS, "");
        }
        sim.exit(cmd, next(cmd), 0);
        return new Tree(cmd, tool, openedAt, spawnedAt, 0, closedAt);
    }

    /** cmd.exe opens a redirection target for appending ({@code >>}); returns the open's time. */
    long openRedirect(SimProcess cmd, String log, long size) {
        long openedAt = next(cmd);
        sim.emit(openedAt, cmd, cmd.mainTid, "CreateFile", log, SUCCESS, sim.text.createFile("Generic Write, Read Attributes",
                "OpenIf", WRITE_OPTIONS, "N", "Read, Write", "0", "Opened"));
        log(cmd, cmd.mainTid, "QueryStandardInformationFile", log, SUCCESS, sim.text.queryStandard(size));
        return openedAt;
    }

    /**
     * The story's victim: {@code cmd /c cl ...} spawned while the driver still writes the source;
     * cl's open fails with SHARING VIOLATION, cl exits 2, and cmd, which inherited the driver's
     * handle, logs the source's CloseFile just before its own exit, after the driver's last write
     * ({@code parentDoneAt}: the driver closed its own handle silently by then).
     */
    Tree victimTree(SimProcess parent, int tid, long at, String source, String object, int fixedPid,
                    long parentDoneAt) {
        String cl = clCommand(source, object);
        SimProcess cmd = shell(parent, tid, at, "cmd.exe /c " + cl, fixedPid);
        findTool(cmd, "cl.exe");
        long spawnedAt = next(cmd);
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, spawnedAt, BuildJobs.VC_BIN + "cl.exe", cl, "C:\\build\\", 0);
        startup(tool, BuildJobs.VC_BIN + "c1xx.dll", BuildJobs.VC_BIN + "mspdb140.dll");
        long violationAt = next(tool);
        sim.emit(violationAt, tool, tool.mainTid, "CreateFile", source, Event.SHARING_VIOLATION,
                sim.text.createFile("Generic Read", "Open", READ_OPTIONS, "n/a", "Read", "n/a", null));
        log(tool, tool.mainTid, "QueryOpen", source, SUCCESS, sim.text.queryOpen(0, 12_288));
        tool.clock += CaptureConfig.MS + random.nextInt((int) (4 * CaptureConfig.MS));
        sim.exit(tool, next(tool), 2);
        cmd.clock = Math.max(tool.endTime, parentDoneAt) + 100 + random.nextInt(1_000);
        long closedAt = next(cmd);
        sim.emit(closedAt, cmd, cmd.mainTid, "CloseFile", source, SUCCESS, "");
        sim.exit(cmd, next(cmd), 2);
        return new Tree(cmd, tool, 0, spawnedAt, violationAt, closedAt);
    }

    /**
     * The story's victim when nothing was inherited: the same {@code cmd /c cl ...}, but cl opens
     * the source no sooner than {@code readableAt} (when the driver has closed it), compiles it
     * and exits 0; cmd holds nothing of the driver's.
     */
    SimProcess compileAfterClose(SimProcess parent, int tid, long at, String source, String object, int fixedPid,
                                 long readableAt) {
        String cl = clCommand(source, object);
        SimProcess cmd = shell(parent, tid, at, "cmd.exe /c " + cl, fixedPid);
        findTool(cmd, "cl.exe");
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, next(cmd), BuildJobs.VC_BIN + "cl.exe", cl, "C:\\build\\", 0);
        startup(tool, BuildJobs.VC_BIN + "c1xx.dll", BuildJobs.VC_BIN + "mspdb140.dll");
        tool.clock = Math.max(tool.clock, readableAt);
        compileAndExit(cmd, tool, source, object, 200);
        return cmd;
    }

    /** cl reads the source, takes 50 ms plus up to {@code moreMs} to write the object, exits 0; then cmd exits 0. */
    private void compileAndExit(SimProcess cmd, SimProcess tool, String source, String object, int moreMs) {
        readFile(tool, tool.mainTid, source, 2_000 + random.nextInt(150_000), "Read", false);
        tool.clock += 50 * CaptureConfig.MS + random.nextInt((int) (moreMs * CaptureConfig.MS));
        writeFile(tool, tool.mainTid, object, 5_000 + random.nextInt(300_000), "None", "Overwritten");
        sim.exit(tool, next(tool), 0);
        cmd.clock = tool.endTime + 100 + random.nextInt(1_000);
        sim.exit(cmd, next(cmd), 0);
    }

    /**
     * {@code cmd /c link.exe ... >> log}: cmd opens the log, spawns link at once, closes its own
     * handle silently; link writes the log through the inherited handle and logs its CloseFile.
     * With {@code shellClosesLast}, cmd keeps its copy and logs the CloseFile after link exited.
     */
    Tree linkTree(SimProcess parent, int tid, long at, String log, String app, int n, boolean shellClosesLast) {
        String link = "link.exe /nologo /OUT:C:\\build\\bin\\" + app + ".exe /LIBPATH:\"C:\\build\\lib\" @C:\\build\\obj\\"
                + app + ".rsp";
        SimProcess cmd = shell(parent, tid, at, "C:\\Windows\\system32\\cmd.exe /c " + link + " >> " + log + " 2>&1", 0);
        long openedAt = next(cmd);
        sim.emit(openedAt, cmd, cmd.mainTid, "CreateFile", log, SUCCESS, sim.text.createFile("Generic Write, Read Attributes",
                "OpenIf", WRITE_OPTIONS, "N", "Read, Write", "0", "Opened"));
        log(cmd, cmd.mainTid, "QueryStandardInformationFile", log, SUCCESS, sim.text.queryStandard(3_000L + 211L * n));
        findTool(cmd, "link.exe");
        long spawnedAt = next(cmd);
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, spawnedAt, BuildJobs.VC_BIN + "link.exe", link, "C:\\build\\", 0);
        startup(tool, BuildJobs.VC_BIN + "mspdb140.dll");
        readFile(tool, tool.mainTid, "C:\\build\\obj\\" + app + ".rsp", 611, "Read", false);
        long offset = 3_000L + 211L * n;
        for (int o = 0; o < 3 + random.nextInt(4); o++) {
            readFile(tool, tool.mainTid, "C:\\build\\obj\\" + app + "_part" + o + ".obj",
                    40_000 + random.nextInt(200_000), "Read", false);
            if (o % 2 == 0) {
                log(tool, tool.mainTid, "WriteFile", log, SUCCESS, sim.text.readWrite(offset, 87, false));
                offset += 87;
            }
        }
        tool.clock += 100 * CaptureConfig.MS + random.nextInt((int) (300 * CaptureConfig.MS));
        writeFile(tool, tool.mainTid, "C:\\build\\bin\\" + app + ".exe", 300_000 + random.nextInt(900_000), "None", "Created");
        log(tool, tool.mainTid, "WriteFile", log, SUCCESS, sim.text.readWrite(offset, 1_024, false));
        long closedAt = shellClosesLast ? 0 : next(tool);
        if (!shellClosesLast) {
            sim.emit(closedAt, tool, tool.mainTid, "CloseFile", log, SUCCESS, "");
        }
        sim.exit(tool, next(tool), 0);
        cmd.clock = tool.endTime + 100 + random.nextInt(1_000);
        if (shellClosesLast) {
            closedAt = next(cmd);
            sim.emit(closedAt, cmd, cmd.mainTid, "CloseFile", log, SUCCESS, "");
        }
        sim.exit(cmd, next(cmd), 0);
        return new Tree(cmd, tool, openedAt, spawnedAt, 0, closedAt);
    }

    /**
     * {@code cmd /c cl ...} where cl starts the PDB server {@code mspdbsrv.exe -start -spawn},
     * which inherits everything cl inherited and outlives the job: it logs the CloseFile of
     * {@code inheritedPath} (an object its ancestor opened) just before it exits, 100-600 ms after
     * cmd. The returned tree's tool is the server.
     */
    Tree pdbServerTree(SimProcess parent, int tid, long at, String source, String object, String inheritedPath) {
        String cl = clCommand(source, object) + " /Zi /FdC:\\build\\obj\\vc140.pdb";
        SimProcess cmd = shell(parent, tid, at, "C:\\Windows\\system32\\cmd.exe /c " + cl, 0);
        findTool(cmd, "cl.exe");
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, next(cmd), BuildJobs.VC_BIN + "cl.exe", cl, "C:\\build\\", 0);
        startup(tool, BuildJobs.VC_BIN + "c1xx.dll", BuildJobs.VC_BIN + "mspdb140.dll");
        SimProcess server = sim.spawn(tool, tool.mainTid, next(tool), BuildJobs.VC_BIN + "mspdbsrv.exe",
                "mspdbsrv.exe -start -spawn", "C:\\build\\", 0);
        startup(server, BuildJobs.VC_BIN + "mspdb140.dll");
        compileAndExit(cmd, tool, source, object, 300);
        server.clock = Math.max(server.clock, tool.endTime);
        writeFile(server, server.mainTid, "C:\\build\\obj\\vc140.pdb." + server.pid, 65_536, "Read", "Overwritten");
        server.clock = cmd.endTime + 100 * CaptureConfig.MS + random.nextInt((int) (500 * CaptureConfig.MS));
        long closedAt = next(server);
        sim.emit(closedAt, server, server.mainTid, "CloseFile", inheritedPath, SUCCESS, "");
        sim.exit(server, next(server), 0);
        return new Tree(cmd, server, 0, at, 0, closedAt);
    }

    /** {@code cmd /c touch stamp}: a short tree that touches a file of its own. */
    SimProcess touchTree(SimProcess parent, int tid, long at, String stamp) {
        String touch = "\"" + TOUCH + "\" " + stamp;
        SimProcess cmd = shell(parent, tid, at, "C:\\Windows\\system32\\cmd.exe /c \"" + touch + "\"", 0);
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, next(cmd), TOUCH, touch,
                "C:\\build\\", 0);
        startup(tool, "C:\\Program Files\\Git\\usr\\bin\\msys-2.0.dll");
        log(tool, tool.mainTid, "CreateFile", stamp, SUCCESS, sim.text.createFile("Generic Write, Read Attributes",
                "OpenIf", WRITE_OPTIONS, "N", "Read, Write, Delete", "0", "Created"));
        log(tool, tool.mainTid, "SetBasicInformationFile", stamp, SUCCESS,
                "CreationTime: 0, LastAccessTime: 0, LastWriteTime: 0, ChangeTime: 0, FileAttributes: n/a");
        log(tool, tool.mainTid, "CloseFile", stamp, SUCCESS, "");
        sim.exit(tool, next(tool), 0);
        cmd.clock = tool.endTime + 100 + random.nextInt(1_000);
        sim.exit(cmd, next(cmd), 0);
        return cmd;
    }
}
