package org.pmtriage.generator;

import java.util.SplittableRandom;

import org.pmtriage.event.Event;

/**
 * Short bursts of events from processes that have nothing to do with the build and were running
 * before the capture started: registry reads, DLL and data-file reads (opened and closed by the
 * same process), failed opens, threads, image loads. None of them spawns anything or leaves a file
 * open, so none of it may show up as a finding.
 */
final class BackgroundNoise {

    private static final String[] KEYS = {
        "HKLM\\SOFTWARE\\Microsoft\\Windows Defender\\Real-Time Protection",
        "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Image File Execution Options\\cl.exe",
        "HKLM\\System\\CurrentControlSet\\Services\\Tcpip\\Parameters",
        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\FileExts\\.cpp",
        "HKCU\\Software\\Build Tools\\Recent\\\"release, x64\"",
        "HKLM\\SOFTWARE\\Microsoft\\Windows Search\\Gather\\Windows\\SystemIndex"};
    private static final String[] VALUES = {"DisableRealtimeMonitoring", "UseFilter", "Hostname",
        "\"Last Target\", \"x64\"", "MRUList", "CrawlScope"};
    private static final String[] FILES = {"C:\\Windows\\System32\\wintrust.dll", "C:\\Windows\\System32\\crypt32.dll",
        "C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\mpcache-4D1B2C.bin",
        "C:\\Windows\\System32\\catroot2\\{F750E6C3-38EE-11D1-85E5-00C04FC295EE}\\catdb",
        "C:\\Users\\ci\\Documents\\notes, draft (2).txt", "C:\\ProgramData\\Microsoft\\Search\\Data\\Applications\\Windows\\MSS.log",
        "C:\\Windows\\System32\\config\\systemprofile\\AppData\\Local\\Microsoft\\Windows\\Caches\\cversions.2.db"};
    private static final String[] MISSING = {"C:\\Windows\\System32\\wbem\\wmiutils.dll.mui",
        "C:\\Users\\ci\\AppData\\Local\\Temp\\~DF3A9C.tmp", "C:\\build\\desktop.ini"};

    private static final String[] EXOTIC_FILES = {"C:\\Users\\ci\\Documents\\Überblick, März (3).txt",
        "C:\\Users\\ci\\Документы\\отчёт о сборке.txt", "C:\\Users\\ci\\ドキュメント\\ビルド記録.log",
        "C:\\Users\\ci\\Desktop\\build \uD83D\uDE80 notes.txt"};
    private static final String[] EXOTIC_FAILURES = {"ACCESS DENIED", "IS DIRECTORY", "0xC000046F", "NAME COLLISION"};

    private final BuildSimulation sim;
    private final SplittableRandom random;
    private final SimProcess[] processes;
    private final boolean exotic;

    BackgroundNoise(BuildSimulation sim, SplittableRandom random) {
        this.sim = sim;
        this.random = random;
        this.exotic = sim.config.quirks().contains(ExportQuirk.EXOTIC_NOISE);
        long boot = sim.config.startTime() - 3 * 3600 * 10_000_000L;
        processes = new SimProcess[] {
            sim.existing(1044, null, 612, "C:\\Windows\\system32\\svchost.exe", "C:\\Windows\\system32\\svchost.exe -k netsvcs -p", boot),
            sim.existing(2764, null, 612, "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe",
                    "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe\"", boot),
            sim.existing(3108, null, 612, "C:\\Windows\\system32\\SearchIndexer.exe",
                    "C:\\Windows\\system32\\SearchIndexer.exe /Embedding", boot),
        };
    }

    /**
     * Plans one burst starting at the given time.
     *
     * @return how many events it planned
     */
    int burst(long at) {
        SimProcess p = processes[random.nextInt(processes.length)];
        int tid = p.mainTid + 4 * (1 + random.nextInt(3));
        p.clock = at;
        int before = count;
        if (exotic && random.nextInt(4) == 0) {
            exoticBurst(p, tid);
            return count - before;
        }
        int kind = random.nextInt(10);
        if (kind < 4) {
            int k = random.nextInt(KEYS.length);
            boolean found = random.nextInt(4) != 0;
            log(p, tid, "RegOpenKey", KEYS[k], found ? Event.SUCCESS : "NAME NOT FOUND", sim.text.regOpenKey());
            if (found) {
                String value = KEYS[k] + "\\" + VALUES[k];
                switch (random.nextInt(3)) {
                    case 0 -> log(p, tid, "RegQueryValue", value, Event.SUCCESS, sim.text.regQueryDword(random.nextInt(2)));
                    case 1 -> log(p, tid, "RegQueryValue", value, Event.SUCCESS, sim.text.regQueryString("ci, \"nightly\" x64"));
                    default -> log(p, tid, "RegQueryValue", value, "NAME NOT FOUND", sim.text.regQueryMissing());
                }
                log(p, tid, "RegCloseKey", KEYS[k], Event.SUCCESS, "");
            }
        } else if (kind < 7) {
            String path = FILES[random.nextInt(FILES.length)];
            if (random.nextBoolean()) {
                log(p, tid, "QueryOpen", path, "FAST IO DISALLOWED", "");
            }
            log(p, tid, "CreateFile", path, Event.SUCCESS, sim.text.createFile("Generic Read", "Open",
                    "Synchronous IO Non-Alert, Non-Directory File", "n/a", "Read, Write, Delete", "n/a", "Opened"));
            log(p, tid, "QueryStandardInformationFile", path, Event.SUCCESS, sim.text.queryStandard(1_048_576L + random.nextInt(4_000_000)));
            for (int r = random.nextInt(3); r >= 0; r--) {
                log(p, tid, "ReadFile", path, Event.SUCCESS,
                        sim.text.readWrite(4096L * random.nextInt(1000), 4096L << random.nextInt(4), random.nextBoolean()));
            }
            log(p, tid, "CloseFile", path, Event.SUCCESS, "");
        } else if (kind < 8) {
            String path = MISSING[random.nextInt(MISSING.length)];
            log(p, tid, "CreateFile", path, random.nextBoolean() ? "NAME NOT FOUND" : "PATH NOT FOUND",
                    sim.text.createFile("Read Attributes", "Open", "Open Reparse Point", "n/a", "Read, Write, Delete", "n/a", null));
        } else if (kind < 9) {
            int thread = sim.ids.fresh();
            log(p, p.mainTid, "Thread Create", "", Event.SUCCESS, sim.text.threadCreate(thread));
            p.clock += random.nextInt(20_000);
            log(p, thread, "Thread Exit", "", Event.SUCCESS, sim.text.threadExit(thread, 0, 156_250L * random.nextInt(2)));
        } else {
            log(p, tid, "Load Image", "C:\\Windows\\System32\\profapi.dll", Event.SUCCESS,
                    sim.text.loadImage(0x7ffb_1a20_0000L, 0x1f000));
        }
        return count - before;
    }

    private int count;

    private void exoticBurst(SimProcess p, int tid) {
        switch (random.nextInt(3)) {
            case 0 -> {
                String path = EXOTIC_FILES[random.nextInt(EXOTIC_FILES.length)];
                log(p, tid, "CreateFile", path, Event.SUCCESS, sim.text.createFile("Generic Read", "Open",
                        "Synchronous IO Non-Alert, Non-Directory File", "n/a", "Read, Write", "n/a", "Opened"));
                log(p, tid, "ReadFile", path, random.nextBoolean() ? "" : Event.SUCCESS, sim.text.readWrite(0, 4_096, false));
                log(p, tid, "CloseFile", path, Event.SUCCESS, "");
            }
            case 1 -> log(p, tid, "CreateFile", random.nextBoolean() ? "C:\\build\\obj" : "C:\\System Volume Information\\tracking.log",
                    EXOTIC_FAILURES[random.nextInt(EXOTIC_FAILURES.length)], sim.text.createFile("Generic Read",
                            "Open", "Synchronous IO Non-Alert", "n/a", "Read, Write, Delete", "n/a", null));
            default -> {
                log(p, tid, "RegOpenKey", KEYS[0], Event.SUCCESS, sim.text.regOpenKey());
                log(p, tid, "RegQueryValue", KEYS[0] + "\\DisableRealtimeMonitoring", "BUFFER OVERFLOW", "Length: 12");
                log(p, tid, "RegCloseKey", KEYS[0], Event.SUCCESS, "");
            }
        }
    }

    /** @return the antivirus process, which scans files as they are written */
    SimProcess scanner() {
        return processes[1];
    }

    /** The search indexer opens a file at the given time and keeps it open past the capture's end. */
    void leaveOpen(String path, long at) {
        SimProcess indexer = processes[2];
        sim.emit(at, indexer, indexer.mainTid + 8, "CreateFile", path, Event.SUCCESS, sim.text.createFile(
                "Generic Read/Write", "OpenIf", "Synchronous IO Non-Alert, Non-Directory File", "N", "Read",
                "0", "Opened"));
        sim.truth.add(new CaptureTruth.OpenAtEnd(path, indexer.ref(), at));
    }

    private void log(SimProcess p, int tid, String operation, String path, String result, String detail) {
        p.clock += 10 + random.nextInt(300);
        sim.emit(p.clock, p, tid, operation, path, result, detail);
        count++;
    }
}
