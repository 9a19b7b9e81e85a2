package org.pmtriage.generator;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.pmtriage.event.Event;
import org.pmtriage.generator.CaptureTruth.Holder;
import org.pmtriage.generator.CaptureTruth.Leak;
import org.pmtriage.generator.CaptureTruth.NearMiss;
import org.pmtriage.generator.CaptureTruth.Race;
import org.pmtriage.generator.CaptureTruth.SharingViolation;
import org.pmtriage.generator.ExpectedVerdict.RaceEvidence;

/**
 * The build's scripts: the SCons driver and what each kind of job makes its processes log. Every
 * job is planned at once when its slot frees up; the driver's own file opens and spawns go through
 * the {@link DriverCalendar} so that only the injected jobs put a spawn close after an open.
 */
final class BuildJobs {

    /** What a job does; all but {@link #COMPILE} are injections recorded in the truth. */
    enum Kind { COMPILE, LEAK, HAND_OVER, RACE, NEAR_MISS_CLOSED, NEAR_MISS_LATE, SCAN_VIOLATION, DEEP_LEAK,
        CMD_CLOSES_LAST, PDB_SERVER, SCANNER, RUNNING_IMAGE, JITTER, REFUTATION, SAME_THREAD, SIBLING, EXITED_OPENER }

    static final String VC_BIN =
            "C:\\Program Files\\Microsoft Visual Studio\\2022\\BuildTools\\VC\\Tools\\MSVC\\14.38.33130\\bin\\Hostx64\\x64\\";
    static final String CMD = "C:\\Windows\\system32\\cmd.exe";
    private static final long MS = CaptureConfig.MS;
    private static final String SUCCESS = Event.SUCCESS;
    private static final String[] MODULES = {"core", "net,io", "parser", "ui", "util", "db"};
    private static final String[] STEMS = {"lexer", "buffer", "socket", "widget", "strings", "table",
        "codec", "hash", "config", "logger", "cache", "scheduler"};

    private final BuildSimulation sim;
    private final SplittableRandom random;
    private final ProcessScripts scripts;
    private final RealBuildJobs real;
    private final BackgroundNoise noise;
    private final Kind[] kinds;
    private SimProcess python;
    private int[] workerTids;
    private int leaksDone;
    private int handOversDone;

    BuildJobs(BuildSimulation sim, SplittableRandom random, BackgroundNoise noise) {
        this.sim = sim;
        this.random = random;
        this.noise = noise;
        this.scripts = new ProcessScripts(sim, random);
        this.real = new RealBuildJobs(sim, random, scripts, noise);
        this.kinds = plan(sim.config, random);
    }

    private static Kind[] plan(CaptureConfig c, SplittableRandom random) {
        Kind[] k = new Kind[c.jobs()];
        int i = 0;
        for (int n = 0; n < c.leaks(); n++) {
            k[i++] = Kind.LEAK;
        }
        for (int n = 0; n < c.handedOver(); n++) {
            k[i++] = Kind.HAND_OVER;
        }
        for (int n = 0; n < c.racesWithoutLeak(); n++) {
            k[i++] = Kind.RACE;
        }
        for (int n = 0; n < c.nearMisses(); n++) {
            k[i++] = n % 2 == 0 ? Kind.NEAR_MISS_CLOSED : Kind.NEAR_MISS_LATE;
        }
        for (int n = 0; n < c.scanViolations(); n++) {
            k[i++] = Kind.SCAN_VIOLATION;
        }
        for (int n = 0; n < c.deepLeaks(); n++) {
            k[i++] = Kind.DEEP_LEAK;
        }
        Behaviours b = c.behaviours();
        i = fill(k, i, Kind.CMD_CLOSES_LAST, b.cmdClosesLast());
        i = fill(k, i, Kind.PDB_SERVER, b.pdbServers());
        i = fill(k, i, Kind.SCANNER, b.scanners());
        i = fill(k, i, Kind.RUNNING_IMAGE, b.runningImages());
        i = fill(k, i, Kind.JITTER, b.jitter());
        i = fill(k, i, Kind.REFUTATION, b.refutations());
        i = fill(k, i, Kind.SAME_THREAD, b.sameThread());
        i = fill(k, i, Kind.SIBLING, b.siblings());
        i = fill(k, i, Kind.EXITED_OPENER, b.exitedOpeners());
        while (i < k.length) {
            k[i++] = Kind.COMPILE;
        }
        for (int n = k.length - 1; n > 0; n--) {
            int j = random.nextInt(n + 1);
            Kind t = k[n];
            k[n] = k[j];
            k[j] = t;
        }
        if (c.story()) {
            moveFirst(k, Kind.LEAK, k.length / 3);
            moveFirst(k, Kind.HAND_OVER, k.length - 1);
        }
        return k;
    }

    private static int fill(Kind[] k, int from, Kind kind, int count) {
        for (int n = 0; n < count; n++) {
            k[from + n] = kind;
        }
        return from + count;
    }

    private static void moveFirst(Kind[] k, Kind kind, int to) {
        for (int n = 0; n < k.length; n++) {
            if (k[n] == kind) {
                k[n] = k[to];
                k[to] = kind;
                return;
            }
        }
    }

    /** Registers the processes running before the capture and the driver's first steps. */
    void begin(long t) {
        CaptureConfig c = sim.config;
        long before = c.startTime() - 40 * 60 * 10_000_000L;
        SimProcess explorer = sim.existing(3344, null, 3288, "C:\\Windows\\Explorer.EXE", "C:\\Windows\\Explorer.EXE", before);
        SimProcess shell = sim.existing(2208, explorer, 0, CMD,
                "\"C:\\Windows\\system32\\cmd.exe\" /k \"C:\\build\\ci\\run build.cmd\" nightly,x64", before + 90_000_000L);
        int pythonPid = c.story() ? 4312 : 3400 + 4 * random.nextInt(400);
        DriverRuntime runtime = c.images().driver();
        String command = runtime.command() + " -j" + c.parallelism() + " \"BUILD_TAG=ci,nightly\" --directory=C:\\build";
        if (c.story()) {
            // the story's capture was started before the build, as `pmtriage capture` does: the
            // shell's start of python.exe and its images are in the log (no randomness drawn, so
            // the rest of the capture stays as it was)
            long created = c.startTime() - 12_000;
            python = sim.existing(pythonPid, shell, 0, runtime.image(), command, created);
            logDriverStart(shell, created);
        } else {
            python = sim.existing(pythonPid, shell, 0, runtime.image(), command, c.startTime() - 31_000_000L);
        }
        workerTids = new int[c.parallelism()];
        driverBlock(t, workerTids.length + 16, () -> {
            for (int s = 0; s < workerTids.length; s++) {
                workerTids[s] = sim.ids.fresh();
                python.clock += 20 + random.nextInt(200);
                sim.emit(python.clock, python, python.mainTid, "Thread Create", "", SUCCESS,
                        sim.text.threadCreate(workerTids[s]));
            }
            scripts.readFile(python, python.mainTid, "C:\\build\\SConstruct", 4_211, "Read, Write", false);
            scripts.readFile(python, python.mainTid, "C:\\build\\.sconsign.dblite", 182_044, "Read, Write", false);
        });
    }

    /** The shell's Process Create of the driver, its start and the images it maps, before {@code created + 1.2 ms}. */
    private void logDriverStart(SimProcess shell, long created) {
        sim.emitUnplanned(created, shell, shell.mainTid, "Process Create", python.imagePath, SUCCESS,
                sim.text.processCreate(python.pid, python.commandLine));
        sim.emitUnplanned(created + 1_000, python, python.mainTid, "Process Start", "", SUCCESS,
                sim.text.processStart(shell.pid, python.commandLine, "C:\\build\\"));
        sim.emitUnplanned(created + 1_100, python, python.mainTid, "Thread Create", "", SUCCESS,
                sim.text.threadCreate(python.mainTid));
        long at = created + 2_000;
        for (ImageCatalog.Image image : ImageCatalog.images(python.imagePath)) {
            sim.emitUnplanned(at, python, python.mainTid, "Load Image", image.path(), SUCCESS,
                    sim.loadImage(python, image.path(), image.base(), image.size()));
            at += 600;
        }
    }

    /**
     * Runs a stretch of the driver's own activity (opens, reads, closes) at the first free time of
     * the driver calendar that can hold {@code maxEvents} events, keeping only what it took.
     */
    private void driverBlock(long earliest, int maxEvents, Runnable body) {
        long start = sim.driver.reserve(earliest, maxEvents * ProcessScripts.MAX_STEP + 100);
        python.clock = start;
        body.run();
        sim.driver.shrink(start, python.clock + 100);
    }

    /** Plans job {@code n} in the given slot and sets when the slot is free again. */
    void plan(int n, int slot, long[] slotReady) {
        Kind kind = kinds[n % kinds.length];
        long ready = slotReady[slot];
        if (sim.config.story() && n == kinds.length - 1) {
            for (long r : slotReady) {
                ready = Math.max(ready, r);
            }
        }
        int tid = workerTids[slot];
        int otherTid = workerTids[(slot + 1) % workerTids.length];
        long earliest = ready + 1_000 + random.nextInt(20_000);
        SimProcess tree = switch (kind) {
            case COMPILE -> sim.config.behaviours().redirectAll() ? redirectedCompile(n, tid, earliest)
                    : compile(n, tid, earliest, random.nextInt(3) == 0, false, false);
            case NEAR_MISS_CLOSED -> compile(n, tid, earliest, true, true, false);
            case SCAN_VIOLATION -> compile(n, tid, earliest, false, false, true);
            case DEEP_LEAK -> deepLeak(n, tid, otherTid, earliest);
            case LEAK -> leak(n, tid, otherTid, earliest);
            case HAND_OVER -> handOver(n, tid, earliest);
            case RACE -> raceWithoutLeak(n, tid, otherTid, earliest);
            case NEAR_MISS_LATE -> openedTooEarly(n, tid, otherTid, earliest);
            case CMD_CLOSES_LAST -> handOver(n, tid, earliest);
            default -> real.plan(kind, n, python, tid, otherTid, earliest);
        };
        long free = tree.endTime + 2_000 + random.nextInt(30_000);
        slotReady[slot] = free;
        if (sim.config.story() && n == kinds.length - 1) {
            Arrays.fill(slotReady, free);
        }
    }

    /** Background files left open at the end, then the driver saves its state and exits. */
    void finish(long t) {
        for (int i = 0; i < sim.config.openAtEnd(); i++) {
            noise.leaveOpen("C:\\build\\logs\\index_" + i + ".edb", t + i * 300L);
        }
        driverBlock(t, 8, () -> scripts.writeFile(python, python.mainTid, "C:\\build\\.sconsign.dblite", 183_302,
                "None", "Overwritten"));
        for (int tid : workerTids) {
            python.clock += 100 + random.nextInt(900);
            sim.emit(python.clock, python, tid, "Thread Exit", "", SUCCESS, sim.text.threadExit(tid, 156_250, 0));
        }
        boolean failed = leaksDone > 0 && sim.config.images().driver().inheritsFiles();
        sim.exit(python, python.clock + 500, failed ? 2 : 0);
    }

    private String stem(int n) {
        return STEMS[n % STEMS.length] + "_" + n;
    }

    private SimProcess compile(int n, int tid, long earliest, boolean generated, boolean nearMiss, boolean scanned) {
        String stem = stem(n);
        String source = generated ? "C:\\build\\gen\\" + stem + ".cpp"
                : "C:\\build\\src\\" + MODULES[n % MODULES.length] + "\\" + stem + ".cpp";
        String object = "C:\\build\\obj\\" + stem + ".obj";
        long spawnAt;
        long open = 0;
        if (generated) {
            long writeLength = 500 + random.nextInt(40_000);
            long gap = nearMiss ? writeLength + 2_000 + random.nextInt((int) (48 * MS - writeLength - 2_000))
                    : writeLength + 3_000 + random.nextInt((int) (30 * MS));
            open = sim.driver.reserve(earliest, gap + 100);
            python.clock = open;
            scripts.generate(python, tid, source, open + writeLength);
            spawnAt = open + gap;
        } else {
            spawnAt = sim.driver.reserve(earliest, 100);
        }
        SimProcess cmd = scripts.compileTree(python, tid, spawnAt, source, object, scanned ? noise.scanner() : null);
        if (nearMiss) {
            sim.truth.add(new NearMiss(source, python.ref(), open, cmd.ref(), spawnAt, "closed-before-spawn"));
        }
        driverBlock(cmd.endTime + 500 + random.nextInt(5_000), 16, () -> scripts.readFile(python, tid, object,
                20_000 + random.nextInt(400_000), "Read, Write", false));
        return cmd;
    }

    private SimProcess leak(int n, int tid, int otherTid, long earliest) {
        boolean story = sim.config.story() && leaksDone == 0;
        leaksDone++;
        String stem = story ? "parser_tab" : stem(n);
        String source = "C:\\build\\gen\\" + stem + ".cpp";
        String object = "C:\\build\\obj\\" + stem + ".obj";
        long gap = story ? 189_000 : 3 * MS + random.nextInt((int) (45 * MS));
        long writesEnd = gap + 3 * MS + random.nextInt((int) (12 * MS));
        long open = sim.driver.reserve(earliest, Math.max(writesEnd, 50 * MS) + MS);
        python.clock = open;
        String share = story || n % 2 == 0 ? "None" : "Write";
        sim.emit(open, python, tid, "CreateFile", source, SUCCESS, sim.text.createFile(
                "Generic Write, Read Attributes", "OverwriteIf", "Synchronous IO Non-Alert, Non-Directory File",
                "N", share, "0", "Overwritten"));
        long offset = 0;
        long lastWrite = open;
        for (long w = open + 400 + random.nextInt(2_000); w < open + writesEnd; w += 2 * MS + random.nextInt((int) (5 * MS))) {
            int length = 4096;
            sim.emit(w, python, tid, "WriteFile", source, SUCCESS, sim.text.readWrite(offset, length, false));
            offset += length;
            lastWrite = w;
        }
        long spawnAt = open + gap;
        if (!sim.config.images().driver().inheritsFiles()) {
            return notInherited(source, object, open, spawnAt, lastWrite, tid, otherTid, story);
        }
        ProcessScripts.Tree tree = scripts.victimTree(python, otherTid, spawnAt, source, object, story ? 5120 : 0, lastWrite);
        real.leaked(python, source, open, spawnAt, tree);
        return tree.shell();
    }

    /**
     * A leak's job when the driver's files are not inheritable (Python 3.4+): the same open,
     * writes and spawn, but cmd.exe gets no copy; the driver closes its file after its last write,
     * before cl.exe opens it, so cl compiles it, and the race is refuted by the opener's own close
     * while the child runs.
     */
    private SimProcess notInherited(String source, String object, long open, long spawnAt, long lastWrite, int tid,
                                    int otherTid, boolean story) {
        long close = Math.max(lastWrite, spawnAt) + 200;
        sim.emit(close, python, tid, "CloseFile", source, SUCCESS, "");
        SimProcess cmd = scripts.compileAfterClose(python, otherTid, spawnAt, source, object, story ? 5120 : 0, close + 100);
        sim.truth.add(new Race(source, python.ref(), open, cmd.ref(), spawnAt, false, RaceEvidence.REFUTED, true));
        return cmd;
    }

    private SimProcess deepLeak(int n, int tid, int otherTid, long earliest) {
        leaksDone++;
        String temp = "C:\\build\\gen\\moc_" + stem(n) + ".tmp";
        long gap = 3 * MS + random.nextInt((int) (45 * MS));
        long writesEnd = gap + 2 * MS + random.nextInt((int) (10 * MS));
        long open = sim.driver.reserve(earliest, Math.max(writesEnd, 50 * MS) + MS);
        sim.emit(open, python, tid, "CreateFile", temp, SUCCESS, sim.text.createFile("Generic Write, Read Attributes",
                "OverwriteIf", "Synchronous IO Non-Alert, Non-Directory File", "N", "Read", "0", "Created"));
        for (long w = open + 300 + random.nextInt(2_000); w < open + writesEnd; w += 3 * MS + random.nextInt((int) (4 * MS))) {
            sim.emit(w, python, tid, "WriteFile", temp, SUCCESS, sim.text.readWrite(w - open, 512, false));
        }
        long spawnAt = open + gap;
        String stem = stem(n);
        ProcessScripts.Tree tree = scripts.pdbServerTree(python, otherTid, spawnAt,
                "C:\\build\\src\\" + MODULES[n % MODULES.length] + "\\" + stem + ".cpp", "C:\\build\\obj\\" + stem + ".obj", temp);
        SimProcess cmd = tree.shell();
        long retry = cmd.endTime + MS + random.nextInt((int) (40 * MS));
        sim.emit(retry, python, tid, "CreateFile", temp, Event.SHARING_VIOLATION, sim.text.createFile(
                "Generic Write, Read Attributes", "OverwriteIf", "Synchronous IO Non-Alert, Non-Directory File",
                "N", "Read", "0", null));
        sim.truth.add(new Race(temp, python.ref(), open, cmd.ref(), spawnAt, true, RaceEvidence.CONFIRMED, true));
        sim.truth.add(new SharingViolation(temp, python.ref(), retry,
                List.of(new Holder(python.ref(), open, tree.tool().ref()))));
        sim.truth.add(new Leak(temp, python.ref(), open, cmd.ref(), spawnAt, tree.tool().ref(), tree.closedAt(), "leaked",
                ExpectedVerdict.leakSeverity("leaked", true), sim.config.images().driver().label()));
        return cmd;
    }

    private SimProcess handOver(int n, int tid, long earliest) {
        boolean shellClosesLast = kinds[n % kinds.length] == Kind.CMD_CLOSES_LAST;
        boolean story = sim.config.story() && handOversDone == 0 && !shellClosesLast;
        if (!shellClosesLast) {
            handOversDone++;
        }
        String log = story ? "C:\\build\\link.log" : "C:\\build\\logs\\link_" + n + ".log";
        String app = story ? "app" : "tool_" + n;
        long spawnAt = sim.driver.reserve(earliest, 100);
        ProcessScripts.Tree tree = scripts.linkTree(python, tid, spawnAt, log, app, n, shellClosesLast);
        redirected(log, tree, shellClosesLast);
        return tree.shell();
    }

    /** The truth of a redirect: an intended race, and a hand-over when the child logged the close. */
    private void redirected(String log, ProcessScripts.Tree tree, boolean shellClosesLast) {
        SimProcess cmd = tree.shell();
        SimProcess child = tree.tool();
        sim.truth.add(new Race(log, cmd.ref(), tree.openedAt(), child.ref(), tree.spawnedAt(), !shellClosesLast,
                RaceEvidence.INTENDED, true));
        if (!shellClosesLast) {
            sim.truth.add(new Leak(log, cmd.ref(), tree.openedAt(), child.ref(), tree.spawnedAt(),
                    child.ref(), tree.closedAt(), "handed-over", ExpectedVerdict.leakSeverity("handed-over", true),
                    Leak.REDIRECTION));
        }
    }

    /** A plain compile run as {@code cmd /c cl ... >> C:\build\logs\X.log 2>&1} (cmd closes last on even jobs). */
    private SimProcess redirectedCompile(int n, int tid, long earliest) {
        String stem = stem(n);
        String log = "C:\\build\\logs\\" + stem + ".log";
        long spawnAt = sim.driver.reserve(earliest, 100);
        boolean shellClosesLast = n % 2 == 0;
        ProcessScripts.Tree tree = scripts.compileTree(python, tid, spawnAt,
                "C:\\build\\src\\" + MODULES[n % MODULES.length] + "\\" + stem + ".cpp",
                "C:\\build\\obj\\" + stem + ".obj", null, log, shellClosesLast);
        redirected(log, tree, shellClosesLast);
        SimProcess cmd = tree.shell();
        driverBlock(cmd.endTime + 500 + random.nextInt(5_000), 16, () -> scripts.readFile(python, tid,
                "C:\\build\\obj\\" + stem + ".obj", 20_000 + random.nextInt(400_000), "Read, Write", false));
        return cmd;
    }

    private SimProcess raceWithoutLeak(int n, int tid, int otherTid, long earliest) {
        String header = "C:\\build\\gen\\version_" + n + ".h";
        long open = sim.driver.reserve(earliest, 2_000 * MS);
        sim.emit(open, python, tid, "CreateFile", header, SUCCESS, sim.text.createFile(
                "Generic Write, Read Attributes", "OverwriteIf", "Synchronous IO Non-Alert, Non-Directory File",
                "N", "Read, Write", "0", "Created"));
        sim.emit(open + 300 + random.nextInt(1_000), python, tid, "WriteFile", header, SUCCESS,
                sim.text.readWrite(0, 211, false));
        long spawnAt = open + 3 * MS + random.nextInt((int) (45 * MS));
        SimProcess cmd = scripts.touchTree(python, otherTid, spawnAt, "C:\\build\\obj\\stamp_" + n);
        long close = cmd.endTime + 500 + random.nextInt(5_000);
        sim.emit(close, python, tid, "WriteFile", header, SUCCESS, sim.text.readWrite(211, 64, false));
        sim.emit(close + 200, python, tid, "CloseFile", header, SUCCESS, "");
        sim.driver.shrink(open, close + 300);
        sim.truth.add(new Race(header, python.ref(), open, cmd.ref(), spawnAt, false, RaceEvidence.KEPT_WRITING, true));
        return cmd;
    }

    private SimProcess openedTooEarly(int n, int tid, int otherTid, long earliest) {
        String config = "C:\\build\\gen\\config_" + n + ".h";
        long open = sim.driver.reserve(earliest, 2_000 * MS);
        sim.emit(open, python, tid, "CreateFile", config, SUCCESS, sim.text.createFile(
                "Generic Read/Write", "OpenIf", "Synchronous IO Non-Alert, Non-Directory File",
                "N", "Read", "0", "Opened"));
        sim.emit(open + 300 + random.nextInt(1_000), python, tid, "ReadFile", config, SUCCESS,
                sim.text.readWrite(0, 1_877, false));
        long spawnAt = open + 60 * MS + random.nextInt((int) (60 * MS));
        String stem = stem(n);
        SimProcess cmd = scripts.compileTree(python, otherTid, spawnAt,
                "C:\\build\\src\\" + MODULES[n % MODULES.length] + "\\" + stem + ".cpp",
                "C:\\build\\obj\\" + stem + ".obj", null);
        long close = cmd.endTime + 500 + random.nextInt(5_000);
        sim.emit(close, python, tid, "WriteFile", config, SUCCESS, sim.text.readWrite(0, 1_902, false));
        sim.emit(close + 200, python, tid, "CloseFile", config, SUCCESS, "");
        sim.driver.shrink(open, close + 300);
        sim.truth.add(new NearMiss(config, python.ref(), open, cmd.ref(), spawnAt, "opened-too-early"));
        return cmd;
    }
}
