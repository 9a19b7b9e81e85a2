package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.pmtriage.event.Event;
import org.pmtriage.generator.CaptureTruth.Holder;
import org.pmtriage.generator.CaptureTruth.Leak;
import org.pmtriage.generator.CaptureTruth.Race;
import org.pmtriage.generator.CaptureTruth.SharingViolation;
import org.pmtriage.generator.ExpectedVerdict.RaceEvidence;

/**
 * The jobs of {@link Behaviours}: shapes of real Windows builds whose verdicts need weighing (a
 * PDB server that inherits a redirected log, a scanner, a running image, jitter between an open
 * and a spawn, refuted and single-threaded races, a sibling of the carrying child, an opener that
 * exited). Each job states its expected verdicts in the truth.
 */
final class RealBuildJobs {

    private static final long MS = CaptureConfig.MS;
    private static final String SUCCESS = Event.SUCCESS;
    private static final String GENERATOR = "C:\\build\\tools\\gen.exe";

    private final BuildSimulation sim;
    private final SplittableRandom random;
    private final ProcessScripts scripts;
    private final BackgroundNoise noise;
    /** Jobs done per alternating behaviour: its variants take turns, whatever the job numbers. */
    private int scans;
    private int jitters;
    private int exits;

    RealBuildJobs(BuildSimulation sim, SplittableRandom random, ProcessScripts scripts, BackgroundNoise noise) {
        this.sim = sim;
        this.random = random;
        this.scripts = scripts;
        this.noise = noise;
    }

    /** Plans job {@code n} of a behaviour's kind; returns the tree whose end frees the slot. */
    SimProcess plan(BuildJobs.Kind kind, int n, SimProcess python, int tid, int otherTid, long earliest) {
        return switch (kind) {
            case PDB_SERVER -> pdbServer(n, python, tid, earliest);
            case SCANNER -> scanner(n, python, tid, earliest);
            case RUNNING_IMAGE -> runningImage(n, python, tid, otherTid, earliest);
            case JITTER -> jitter(n, python, tid, otherTid, earliest);
            case REFUTATION -> refutation(n, python, tid, otherTid, earliest);
            case SAME_THREAD -> sameThread(n, python, tid, earliest);
            case SIBLING -> sibling(n, python, tid, otherTid, earliest);
            case EXITED_OPENER -> exitedOpener(n, python, tid, earliest);
            default -> throw new IllegalArgumentException("not a behaviour's job: " + kind);
        };
    }

    private String writeOpen(String share, String result) {
        return sim.text.createFile("Generic Write, Read Attributes", "OverwriteIf", ProcessScripts.WRITE_OPTIONS, "N",
                share, "0", result);
    }

    /** The driver creates a file as Python's {@code open(p, 'w')} does (share Read, Write) and writes it once. */
    private void createAndWrite(SimProcess python, int tid, String path, long open, int length) {
        sim.emit(open, python, tid, "CreateFile", path, SUCCESS, writeOpen("Read, Write", "Created"));
        sim.emit(open + 300 + random.nextInt(1_000), python, tid, "WriteFile", path, SUCCESS,
                sim.text.readWrite(0, length, false));
    }

    /** The driver deletes a file ({@code os.remove}) and is refused. */
    private void refusedDelete(SimProcess python, int tid, String path, long at) {
        sim.emit(at, python, tid, "CreateFile", path, Event.SHARING_VIOLATION, sim.text.createFile(
                "Read Attributes, Delete, Synchronize", "Open", "Non-Directory File, Open Reparse Point", "n/a",
                "Read, Write, Delete", "n/a", null));
    }

    /**
     * {@code cmd /c link /DEBUG ... >> link_N.log 2>&1}: link writes the log, starts mspdbsrv.exe
     * (which inherits the log and never uses it), finishes; the server outlives the step by 2-8 s
     * and the kernel closes the log at its exit; the driver's cleanup delete in between is refused.
     */
    private SimProcess pdbServer(int n, SimProcess python, int tid, long earliest) {
        String log = "C:\\build\\logs\\link_" + n + ".log";
        String app = "tool_" + n;
        String link = "link.exe /nologo /DEBUG /OUT:C:\\build\\bin\\" + app + ".exe /PDB:C:\\build\\bin\\" + app
                + ".pdb @C:\\build\\obj\\" + app + ".rsp";
        long spawnAt = sim.driver.reserve(earliest, 100);
        SimProcess cmd = scripts.shell(python, tid, spawnAt, BuildJobs.CMD + " /c " + link + " >> " + log + " 2>&1", 0);
        long openedAt = scripts.openRedirect(cmd, log, 3_000L + 211L * n);
        scripts.findTool(cmd, "link.exe");
        long spawnedAt = scripts.next(cmd);
        SimProcess tool = sim.spawn(cmd, cmd.mainTid, spawnedAt, BuildJobs.VC_BIN + "link.exe", link, "C:\\build\\", 0);
        scripts.startup(tool, BuildJobs.VC_BIN + "mspdb140.dll");
        scripts.readFile(tool, tool.mainTid, "C:\\build\\obj\\" + app + ".rsp", 611, "Read", false);
        scripts.log(tool, tool.mainTid, "WriteFile", log, SUCCESS, sim.text.readWrite(0, 87, false));
        tool.clock += 60 * MS + random.nextInt((int) (40 * MS));
        SimProcess server = sim.spawn(tool, tool.mainTid, scripts.next(tool), BuildJobs.VC_BIN + "mspdbsrv.exe",
                "mspdbsrv.exe -start -spawn", "C:\\build\\", 0);
        scripts.startup(server, BuildJobs.VC_BIN + "mspdb140.dll");
        tool.clock = Math.max(tool.clock, server.clock);
        scripts.writeFile(tool, tool.mainTid, "C:\\build\\bin\\" + app + ".exe", 300_000 + random.nextInt(900_000),
                "None", "Created");
        scripts.log(tool, tool.mainTid, "WriteFile", log, SUCCESS, sim.text.readWrite(87, 1_024, false));
        sim.exit(tool, scripts.next(tool), 0);
        cmd.clock = tool.endTime + 100 + random.nextInt(1_000);
        sim.exit(cmd, scripts.next(cmd), 0);
        server.clock = Math.max(server.clock, tool.endTime);
        scripts.writeFile(server, server.mainTid, "C:\\build\\bin\\" + app + ".pdb", 262_144, "Read", "Overwritten");
        long refusedAt = sim.driver.reserve(cmd.endTime + 50 * MS + random.nextInt((int) (250 * MS)), 100);
        refusedDelete(python, tid, log, refusedAt);
        sim.exit(server, Math.max(refusedAt, cmd.endTime) + 2_000 * MS + random.nextInt((int) (6_000 * MS)), 0);
        long closedAt = server.endTime + 20 + random.nextInt(300);
        sim.emit(closedAt, server, server.mainTid, "CloseFile", log, SUCCESS, "");
        sim.truth.add(new Race(log, cmd.ref(), openedAt, tool.ref(), spawnedAt, true, RaceEvidence.INTENDED, true));
        sim.truth.add(new Leak(log, cmd.ref(), openedAt, tool.ref(), spawnedAt, server.ref(), closedAt,
                "leaked-after-hand-over", ExpectedVerdict.leakSeverity("leaked-after-hand-over", true), Leak.MSVC));
        sim.truth.add(new SharingViolation(log, python.ref(), refusedAt,
                List.of(new Holder(cmd.ref(), openedAt, server.ref()))));
        return cmd;
    }

    /**
     * A compile; right after it MsMpEng.exe scans the new object (Generic Read, share Read, Write or
     * Read, Write, Delete by turns) and the driver's delete of it is refused.
     */
    private SimProcess scanner(int n, SimProcess python, int tid, long earliest) {
        String stem = "scanned_" + n;
        String object = "C:\\build\\obj\\" + stem + ".obj";
        long spawnAt = sim.driver.reserve(earliest, 100);
        SimProcess cmd = scripts.compileTree(python, tid, spawnAt, "C:\\build\\src\\core\\" + stem + ".cpp", object, null);
        SimProcess scanner = noise.scanner();
        int scanTid = scanner.mainTid + 4;
        boolean conflicts = scans++ % 2 == 0;
        long scanAt = cmd.endTime + 200 + random.nextInt(2_000);
        sim.emit(scanAt, scanner, scanTid, "CreateFile", object, SUCCESS, sim.text.createFile("Generic Read", "Open",
                ProcessScripts.WRITE_OPTIONS, "n/a", conflicts ? "Read, Write" : "Read, Write, Delete", "n/a", "Opened"));
        sim.emit(scanAt + 300 + random.nextInt(500), scanner, scanTid, "ReadFile", object, SUCCESS,
                sim.text.readWrite(0, 65_536, false));
        long refusedAt = sim.driver.reserve(scanAt + MS + random.nextInt((int) (9 * MS)), 100);
        refusedDelete(python, tid, object, refusedAt);
        sim.emit(Math.max(refusedAt, scanAt) + 20 * MS + random.nextInt((int) (40 * MS)), scanner, scanTid, "CloseFile",
                object, SUCCESS, "");
        sim.truth.add(new SharingViolation(object, python.ref(), refusedAt,
                conflicts ? List.of(new Holder(scanner.ref(), scanAt, scanner.ref())) : List.of()));
        return cmd;
    }

    /**
     * A test run of {@code app_N.exe} still alive when a link of that file, spawned by another
     * driver thread, opens it for writing: SHARING VIOLATION, cause the running image.
     */
    private SimProcess runningImage(int n, SimProcess python, int tid, int otherTid, long earliest) {
        String app = "C:\\build\\bin\\app_" + n + ".exe";
        long testAt = sim.driver.reserve(earliest, 100);
        SimProcess testShell = scripts.shell(python, tid, testAt, BuildJobs.CMD + " /c " + app + " --self-test", 0);
        scripts.log(testShell, testShell.mainTid, "QueryOpen", app, SUCCESS, sim.text.queryOpen(0, 411_648));
        SimProcess test = sim.spawn(testShell, testShell.mainTid, scripts.next(testShell), app, app + " --self-test",
                "C:\\build\\", 0);
        scripts.startup(test);
        String link = "link.exe /nologo /OUT:" + app + " @C:\\build\\obj\\app_" + n + ".rsp";
        long linkAt = sim.driver.reserve(testAt + 20 * MS + random.nextInt((int) (80 * MS)), 100);
        SimProcess linkShell = scripts.shell(python, otherTid, linkAt, BuildJobs.CMD + " /c " + link, 0);
        scripts.findTool(linkShell, "link.exe");
        SimProcess tool = sim.spawn(linkShell, linkShell.mainTid, scripts.next(linkShell), BuildJobs.VC_BIN + "link.exe",
                link, "C:\\build\\", 0);
        scripts.startup(tool, BuildJobs.VC_BIN + "mspdb140.dll");
        scripts.readFile(tool, tool.mainTid, "C:\\build\\obj\\app_" + n + ".rsp", 402, "Read", false);
        long refusedAt = scripts.next(tool);
        sim.emit(refusedAt, tool, tool.mainTid, "CreateFile", app, Event.SHARING_VIOLATION, writeOpen("None", null));
        sim.exit(tool, scripts.next(tool), 1104);
        linkShell.clock = tool.endTime + 100 + random.nextInt(1_000);
        sim.exit(linkShell, scripts.next(linkShell), 1104);
        test.clock = Math.max(test.clock, refusedAt) + 500 * MS + random.nextInt((int) (1_000 * MS));
        sim.exit(test, scripts.next(test), 0);
        testShell.clock = test.endTime + 100 + random.nextInt(1_000);
        sim.exit(testShell, scripts.next(testShell), 0);
        sim.truth.add(new SharingViolation(app, tool.ref(), refusedAt, List.of(), "running-image", List.of(test.ref())));
        return testShell.endTime > linkShell.endTime ? testShell : linkShell;
    }

    /**
     * The story's leak with the CreateFile and the Process Create less than 1 ms apart: the open
     * first, the spawn first, or both at the same time with the spawn's row first, by turns.
     */
    private SimProcess jitter(int n, SimProcess python, int tid, int otherTid, long earliest) {
        String stem = "jitter_" + n;
        String source = "C:\\build\\gen\\" + stem + ".cpp";
        long base = sim.driver.reserve(earliest, 70 * MS);
        long delta = 100 + random.nextInt(8_900);
        int mode = jitters++ % 3;
        long open = mode == 1 ? base + delta : base;
        long spawnAt = mode == 0 ? base + delta : base;
        List<Long> writes = new ArrayList<>();
        for (long w = open + 400 + random.nextInt(2_000); w < open + 4 * MS + random.nextInt((int) (12 * MS));
                w += 2 * MS + random.nextInt((int) (3 * MS))) {
            writes.add(w);
        }
        long lastWrite = writes.isEmpty() ? open : writes.get(writes.size() - 1);
        ProcessScripts.Tree tree;
        if (mode == 0) {
            sim.emit(open, python, tid, "CreateFile", source, SUCCESS, writeOpen("None", "Overwritten"));
            tree = scripts.victimTree(python, otherTid, spawnAt, source, "C:\\build\\obj\\" + stem + ".obj", 0, lastWrite);
        } else {
            tree = scripts.victimTree(python, otherTid, spawnAt, source, "C:\\build\\obj\\" + stem + ".obj", 0, lastWrite);
            sim.emit(open, python, tid, "CreateFile", source, SUCCESS, writeOpen("None", "Overwritten"));
        }
        for (int w = 0; w < writes.size(); w++) {
            sim.emit(writes.get(w), python, tid, "WriteFile", source, SUCCESS, sim.text.readWrite(4096L * w, 4096, false));
        }
        leaked(python, source, open, spawnAt, tree);
        return tree.shell();
    }

    /** The truth of a leak into a victim tree: confirmed race, held sharing violation, leaked error. */
    void leaked(SimProcess python, String source, long open, long spawnAt, ProcessScripts.Tree tree) {
        SimProcess cmd = tree.shell();
        sim.truth.add(new Race(source, python.ref(), open, cmd.ref(), spawnAt, true, RaceEvidence.CONFIRMED, true));
        sim.truth.add(new SharingViolation(source, tree.tool().ref(), tree.violationAt(),
                List.of(new Holder(python.ref(), open, python.ref()))));
        sim.truth.add(new Leak(source, python.ref(), open, cmd.ref(), spawnAt, cmd.ref(), tree.closedAt(), "leaked",
                ExpectedVerdict.leakSeverity("leaked", true), sim.config.images().driver().label()));
    }

    /**
     * Python 3: one driver thread writes {@code manifest_N.json} (not inheritable), another spawns a
     * compile within 50 ms, and the first closes its object while the compile still runs.
     */
    private SimProcess refutation(int n, SimProcess python, int tid, int otherTid, long earliest) {
        String path = "C:\\build\\gen\\manifest_" + n + ".json";
        long open = sim.driver.reserve(earliest, 80 * MS);
        createAndWrite(python, tid, path, open, 1_411);
        long spawnAt = open + 3 * MS + random.nextInt((int) (40 * MS));
        String stem = "refuted_" + n;
        SimProcess cmd = scripts.compileTree(python, otherTid, spawnAt, "C:\\build\\src\\util\\" + stem + ".cpp",
                "C:\\build\\obj\\" + stem + ".obj", null);
        // cl.exe runs at least 50 ms (compileTree), so the compile is alive at the close
        long close = spawnAt + MS + random.nextInt((int) (20 * MS));
        sim.emit(close, python, tid, "CloseFile", path, SUCCESS, "");
        sim.truth.add(new Race(path, python.ref(), open, cmd.ref(), spawnAt, false, RaceEvidence.REFUTED, true));
        return cmd;
    }

    /** Python 2: {@code f = open(p, 'w'); f.write(); subprocess.call(touch); f.close()} on one thread. */
    private SimProcess sameThread(int n, SimProcess python, int tid, long earliest) {
        String path = "C:\\build\\gen\\manifest_" + n + ".txt";
        long open = sim.driver.reserve(earliest, 2_000 * MS);
        createAndWrite(python, tid, path, open, 96);
        long spawnAt = open + 2 * MS + random.nextInt((int) (40 * MS));
        SimProcess cmd = scripts.touchTree(python, tid, spawnAt, "C:\\build\\obj\\manifest_stamp_" + n);
        long close = cmd.endTime + 500 + random.nextInt(5_000);
        sim.emit(close, python, tid, "CloseFile", path, SUCCESS, "");
        sim.driver.shrink(open, close + 300);
        sim.truth.add(new Race(path, python.ref(), open, cmd.ref(), spawnAt, false, RaceEvidence.SAME_THREAD, true));
        return cmd;
    }

    /**
     * The story's leak with a sibling: another driver thread spawns {@code cmd /c touch} in the same
     * window, before the child that carries the object to its close; the driver's writes end before
     * both spawns, so the sibling's race rests on the threads alone.
     */
    private SimProcess sibling(int n, SimProcess python, int tid, int otherTid, long earliest) {
        String stem = "sibling_" + n;
        String source = "C:\\build\\gen\\" + stem + ".cpp";
        long open = sim.driver.reserve(earliest, 70 * MS);
        long siblingAt = open + 2 * MS + random.nextInt((int) (10 * MS));
        long carrierAt = siblingAt + 3 * MS + random.nextInt((int) (20 * MS));
        sim.emit(open, python, tid, "CreateFile", source, SUCCESS, writeOpen("None", "Overwritten"));
        long lastWrite = open;
        long offset = 0;
        for (long w = open + 400 + random.nextInt(2_000); w < siblingAt; w += 2 * MS + random.nextInt((int) (3 * MS))) {
            sim.emit(w, python, tid, "WriteFile", source, SUCCESS, sim.text.readWrite(offset, 4096, false));
            offset += 4096;
            lastWrite = w;
        }
        SimProcess sib = scripts.touchTree(python, otherTid, siblingAt, "C:\\build\\obj\\stamp_" + n);
        ProcessScripts.Tree tree = scripts.victimTree(python, otherTid, carrierAt, source,
                "C:\\build\\obj\\" + stem + ".obj", 0, lastWrite);
        sim.truth.add(new Race(source, python.ref(), open, sib.ref(), siblingAt, false, RaceEvidence.CROSS_THREAD, true));
        leaked(python, source, open, carrierAt, tree);
        SimProcess cmd = tree.shell();
        return cmd.endTime > sib.endTime ? cmd : sib;
    }

    /**
     * {@code cmd /c gen.exe --out table_N.dat}: gen.exe writes the table and exits without closing
     * it; the kernel's rundown CloseFile just after its Process Exit is logged or missing by turns.
     * Then the driver's delete of the table is refused: while MsMpEng.exe scans it (share Read,
     * Write) when the rundown was logged, with no holder in the log when it was missing.
     */
    private SimProcess exitedOpener(int n, SimProcess python, int tid, long earliest) {
        String table = "C:\\build\\gen\\table_" + n + ".dat";
        boolean rundownLogged = exits++ % 2 == 0;
        String command = "gen.exe --out " + table;
        long spawnAt = sim.driver.reserve(earliest, 100);
        SimProcess cmd = scripts.shell(python, tid, spawnAt, BuildJobs.CMD + " /c " + GENERATOR + " --out " + table, 0);
        scripts.log(cmd, cmd.mainTid, "QueryOpen", GENERATOR, SUCCESS, sim.text.queryOpen(30, 181_248));
        SimProcess gen = sim.spawn(cmd, cmd.mainTid, scripts.next(cmd), GENERATOR, command, "C:\\build\\", 0);
        scripts.startup(gen);
        long openedAt = scripts.next(gen);
        sim.emit(openedAt, gen, gen.mainTid, "CreateFile", table, SUCCESS, writeOpen("Read", "Created"));
        for (int w = 0; w < 3; w++) {
            scripts.log(gen, gen.mainTid, "WriteFile", table, SUCCESS, sim.text.readWrite(65_536L * w, 65_536, false));
        }
        sim.exit(gen, scripts.next(gen), 0);
        if (rundownLogged) {
            sim.emit(gen.endTime + 20 + random.nextInt(300), gen, gen.mainTid, "CloseFile", table, SUCCESS, "");
        }
        cmd.clock = gen.endTime + 100 + random.nextInt(1_000);
        sim.exit(cmd, scripts.next(cmd), 0);
        List<Holder> holders = List.of();
        long refusedAt;
        if (rundownLogged) {
            SimProcess scanner = noise.scanner();
            long scanAt = gen.endTime + 5 * MS + random.nextInt((int) (15 * MS));
            sim.emit(scanAt, scanner, scanner.mainTid + 4, "CreateFile", table, SUCCESS, sim.text.createFile("Generic Read",
                    "Open", ProcessScripts.WRITE_OPTIONS, "n/a", "Read, Write", "n/a", "Opened"));
            refusedAt = sim.driver.reserve(scanAt + 50 * MS + random.nextInt((int) (200 * MS)), 100);
            sim.emit(refusedAt + 400 * MS, scanner, scanner.mainTid + 4, "CloseFile", table, SUCCESS, "");
            holders = List.of(new Holder(scanner.ref(), scanAt, scanner.ref()));
        } else {
            refusedAt = sim.driver.reserve(gen.endTime + 290 * MS + random.nextInt((int) (20 * MS)), 100);
        }
        refusedDelete(python, tid, table, refusedAt);
        sim.truth.add(new SharingViolation(table, python.ref(), refusedAt, holders));
        return cmd;
    }
}
