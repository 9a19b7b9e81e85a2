package org.pmtriage.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

import org.pmtriage.event.Event;
import org.pmtriage.event.ExportColumns;
import org.pmtriage.event.Operation;
import org.pmtriage.event.ProcessInfo;
import org.pmtriage.event.Stack;

/**
 * Simulates a ProcMon capture of a parallel SCons build and streams its events in time order.
 * A pre-existing {@code python.exe} drives {@link CaptureConfig#parallelism()} job slots; each job
 * spawns {@code cmd.exe /c cl.exe ...} (or a link with output redirection) whose events are
 * planned at once when the job starts and merged through a queue, so memory is bounded by the
 * jobs in flight, not by the capture's length. Background processes add registry, image and file
 * noise. What was injected is in {@link #truth()}, complete once the iteration is over.
 */
public final class BuildSimulation implements Iterator<Event> {

    private record Pending(long time, long seq, SimProcess process, int tid, String operation,
                           String path, String result, String detail) {
    }

    private static final Comparator<Pending> ORDER =
            Comparator.comparingLong(Pending::time).thenComparingLong(Pending::seq);

    final CaptureConfig config;
    final SplittableRandom random;
    final DetailText text;
    final PidAllocator ids;
    final DriverCalendar driver = new DriverCalendar();
    final CaptureTruth truth = new CaptureTruth();
    final DirectoryHandles directories;
    /** The stacks of events, when the capture records images; else null. */
    private final CodePaths codePaths;

    private final PriorityQueue<Pending> queue = new PriorityQueue<>(ORDER);
    private final List<SimProcess> table;
    private final BuildJobs jobs;
    private final BackgroundNoise noise;
    private final long[] slotReady;
    private final boolean advanced;
    private BooleanSupplier keepGoing = () -> false;
    private long seq;
    private int nextIndex = 1;
    private int jobsPlanned;
    private long record;
    private long lastTime;
    private long noiseNext;
    private long noiseEvents;
    private long plannedEvents;
    private boolean finished;

    /**
     * @param config        what to simulate
     * @param keepProcesses keep every process for {@link #processes()}; turn off for huge
     *                      captures that do not need the table
     */
    public BuildSimulation(CaptureConfig config, boolean keepProcesses) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        this.text = new DetailText(config.locale(), config.firstDay(),
                config.quirks().contains(ExportQuirk.OLD_PROCESS_START));
        this.advanced = config.quirks().contains(ExportQuirk.ADVANCED_OUTPUT);
        this.ids = new PidAllocator(random.split(), config.pidReuse(), 5200 + 4 * random.nextInt(200));
        this.table = keepProcesses ? new ArrayList<>() : null;
        this.codePaths = config.images().recorded() ? new CodePaths() : null;
        if (codePaths != null) {
            // the kernel's modules are listed under the System process, which logs no event here;
            // its index is taken whether or not the table is kept, so both give the same indexes
            SimProcess system = new SimProcess(nextIndex++, 4, null, 0, "System", "", config.startTime(),
                    config.startTime() - 3 * 3600 * 10_000_000L, 8);
            system.images = ImageCatalog.kernel();
            if (table != null) {
                table.add(system);
            }
        }
        this.directories = new DirectoryHandles(this);
        this.slotReady = new long[config.parallelism()];
        this.noise = new BackgroundNoise(this, random.split());
        this.jobs = new BuildJobs(this, random.split(), noise);
        this.noiseNext = config.startTime();
        long first = config.startTime() + 3_000 + random.nextInt(5_000);
        for (int s = 0; s < slotReady.length; s++) {
            slotReady[s] = first + s * (5_000L + random.nextInt(20_000));
        }
        jobs.begin(config.startTime() + 1_000);
    }

    /**
     * Keeps adding jobs past {@link CaptureConfig#jobs()} while the condition holds (checked
     * before each extra job), e.g. until a writer has written enough bytes.
     *
     * @param condition true to start another job
     * @return this
     */
    public BuildSimulation keepGoingWhile(BooleanSupplier condition) {
        this.keepGoing = condition;
        return this;
    }

    /** @return every process seen so far (complete after the last event), in index order */
    public List<ProcessInfo> processes() {
        if (table == null) {
            throw new IllegalStateException("the process table was not kept");
        }
        return table.stream().map(SimProcess::info).toList();
    }

    /** @return what was injected; complete once {@link #hasNext()} returned false */
    public CaptureTruth truth() {
        return truth;
    }

    /** @return the configuration */
    public CaptureConfig config() {
        return config;
    }

    @Override
    public boolean hasNext() {
        while (true) {
            Pending head = queue.peek();
            if (moreJobs()) {
                int slot = earliestSlot();
                if (head == null || slotReady[slot] <= head.time) {
                    driver.forgetBefore(slotReady[slot]);
                    jobs.plan(jobsPlanned++, slot, slotReady);
                    continue;
                }
            }
            if (head != null && noiseNext <= head.time) {
                planNoise();
                continue;
            }
            if (head == null) {
                if (finished) {
                    return false;
                }
                finished = true;
                jobs.finish(lastTime + 2 * CaptureConfig.MS);
                continue;
            }
            return true;
        }
    }

    @Override
    public Event next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Pending p = queue.poll();
        lastTime = p.time;
        SimProcess proc = p.process;
        String operation = advanced ? irpName(p) : p.operation;
        truth.count(operation);
        Stack stack = codePaths == null ? Stack.NONE : codePaths.stack(proc, p.tid, operation, p.time);
        return new Event(++record, p.time, proc.name, proc.pid, p.tid, operation, Operation.of(operation),
                p.path, p.result, p.detail, proc.parentPid, proc.commandLine, proc.imagePath, proc.index,
                ExportColumns.NONE, stack);
    }

    /** The raw IRP name that advanced output shows; queues the IRP_MJ_CLOSE that follows a cleanup. */
    private String irpName(Pending p) {
        switch (p.operation) {
            case "CreateFile":
                return "IRP_MJ_CREATE";
            case "CloseFile":
                emit(p.time + 5 + random.nextInt(200), p.process, p.tid, "IRP_MJ_CLOSE", p.path, Event.SUCCESS, "");
                return "IRP_MJ_CLEANUP";
            case "ReadFile":
                return "IRP_MJ_READ";
            case "WriteFile":
                return "IRP_MJ_WRITE";
            case "QueryStandardInformationFile", "QueryBasicInformationFile":
                return "IRP_MJ_QUERY_INFORMATION";
            case "SetBasicInformationFile":
                return "IRP_MJ_SET_INFORMATION";
            default:
                return p.operation;
        }
    }

    private boolean moreJobs() {
        if (jobsPlanned < config.jobs()) {
            return true;
        }
        if (config.targetEvents() > 0) {
            return plannedEvents < config.targetEvents();
        }
        return keepGoing.getAsBoolean();
    }

    private int earliestSlot() {
        int best = 0;
        for (int s = 1; s < slotReady.length; s++) {
            if (slotReady[s] < slotReady[best]) {
                best = s;
            }
        }
        return best;
    }

    private void planNoise() {
        long count = noise.burst(noiseNext);
        noiseEvents += count;
        double share = plannedEvents == 0 ? 1 : (double) noiseEvents / plannedEvents;
        long gap = share < config.noiseRatio()
                ? 200 + random.nextInt(3_000)
                : 5_000 + random.nextInt(60_000);
        noiseNext += gap;
    }

    // ---- services for the scripts ----

    void emit(long time, SimProcess process, int tid, String operation, String path, String result, String detail) {
        plannedEvents++;
        emitUnplanned(time, process, tid, operation, path, result, detail);
    }

    /**
     * Logs an event outside the build's plan (the driver's own start): the background noise, paced
     * by the plan's events, stays as it was without it.
     */
    void emitUnplanned(long time, SimProcess process, int tid, String operation, String path, String result,
                       String detail) {
        if (filteredOut(operation)) {
            return;
        }
        queue.add(new Pending(time, seq++, process, tid, operation, path, result, detail));
    }

    /** @return whether the export's filter drops this operation (still counted as planned: the rest stays the same) */
    private boolean filteredOut(String operation) {
        return switch (operation) {
            case "CloseFile" -> config.quirks().contains(ExportQuirk.NO_CLOSE_EVENTS);
            case "Process Create", "Process Start" -> config.quirks().contains(ExportQuirk.NO_PROCESS_EVENTS)
                    || config.quirks().contains(ExportQuirk.PROCESS_CREATE_FILTERED);
            case "Process Exit", "Thread Create", "Thread Exit" -> config.quirks().contains(ExportQuirk.NO_PROCESS_EVENTS);
            default -> false;
        };
    }

    /** Registers a process that was already running when the capture started (child of one such, if given). */
    SimProcess existing(int pid, SimProcess parent, int parentPid, String image, String commandLine, long startTime) {
        SimProcess p = new SimProcess(nextIndex++, pid, parent, parentPid, image, commandLine, startTime, startTime,
                ids.fresh());
        identify(p);
        if (table != null) {
            table.add(p);
        }
        return p;
    }

    /**
     * Logs a Process Create in the parent and the child's first events.
     *
     * @param fixedPid the child's PID, or 0 to allocate one
     * @return the child, whose {@code clock} is after its start-up events
     */
    SimProcess spawn(SimProcess parent, int tid, long at, String image, String commandLine,
                     String currentDirectory, int fixedPid) {
        int pid = fixedPid != 0 ? fixedPid : ids.processId(at);
        long start = at + 300 + random.nextInt(1_500);
        SimProcess child = new SimProcess(nextIndex++, pid, parent, 0, image, commandLine, at, start, ids.fresh());
        child.spawnTid = tid;
        identify(child);
        if (table != null) {
            table.add(child);
        }
        emit(at, parent, tid, "Process Create", image, Event.SUCCESS, text.processCreate(pid, commandLine));
        emit(start, child, child.mainTid, "Process Start", "", Event.SUCCESS,
                text.processStart(parent.pid, commandLine, currentDirectory));
        emit(start + 1 + random.nextInt(40), child, child.mainTid, "Thread Create", "", Event.SUCCESS,
                text.threadCreate(child.mainTid));
        child.clock = start + 50 + random.nextInt(300);
        directories.inherit(parent, child);
        return child;
    }

    /** Logs the main thread's exit and the Process Exit, and frees the PID. */
    void exit(SimProcess p, long at, int status) {
        long user = 156_250L * random.nextInt(8);
        long kernel = 156_250L * random.nextInt(6);
        emit(at, p, p.mainTid, "Thread Exit", "", Event.SUCCESS, text.threadExit(p.mainTid, user, kernel));
        long exitAt = at + 5 + random.nextInt(60);
        long privateBytes = 4096L * (200 + random.nextInt(3000));
        emit(exitAt, p, p.mainTid, "Process Exit", "", Event.SUCCESS,
                text.processExit(status, user, kernel, privateBytes, privateBytes * 2 + 4096L * random.nextInt(500)));
        p.endTime = exitAt;
        p.clock = exitAt;
        directories.exited(p, exitAt);
        ids.release(p.pid, exitAt);
    }

    /** Gives a process its images and code when the capture records them. */
    private void identify(SimProcess p) {
        if (codePaths != null) {
            p.images = ImageCatalog.images(p.imagePath);
            p.profile = CodePaths.profile(p.imagePath, config.images().driver());
        }
    }

    /**
     * @param p    the process loading an image
     * @param path the image
     * @param base where a capture without images puts it
     * @param size its size there
     * @return the Load Image Detail: the catalog's placement when the process has it
     */
    String loadImage(SimProcess p, String path, long base, long size) {
        ImageCatalog.Image known = p.images == null ? null : ImageCatalog.find(p.images, path);
        return known == null ? text.loadImage(base, size) : text.loadImage(known.base(), known.size());
    }
}
