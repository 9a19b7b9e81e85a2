package org.pmtriage.generator;

/**
 * Behaviours of real Windows builds that issue 11's verdicts depend on, each off by default (a
 * default configuration makes the same capture as before they existed). Counts are jobs of the
 * build's mix, placed by the seed like the other injections.
 *
 * @param currentDirectory every console process the build spawns opens its current directory at
 *                         start (Options: Directory, Execute/Traverse, Synchronize, share Read,
 *                         Write, as in real logs) and the kernel closes it at exit (a rundown
 *                         CloseFile logged in the last process holding it, just after its Process
 *                         Exit); children spawned soon after start race it
 * @param redirectAll      every plain compile job runs {@code cmd /c cl ... >> C:\build\logs\X.log 2>&1}
 *                         (cmd.exe closes last on even jobs, cl.exe on odd ones): the shape of a big
 *                         build with 50,000 redirected jobs
 * @param cmdClosesLast    redirects where cmd.exe keeps its copy of the log and closes it after the
 *                         child exited (a hand-over without an inherited-handle finding)
 * @param pdbServers       {@code cmd /c link ... >> log}: link.exe writes the log and starts
 *                         {@code mspdbsrv.exe}, which inherits it, never uses it and outlives the
 *                         step by seconds; the driver's cleanup delete of the log is refused
 * @param scanners         MsMpEng.exe opens a freshly written object (Generic Read); the driver's
 *                         delete is refused: by turns the scanner shares Read, Write (no Delete, a
 *                         real holder) or Read, Write, Delete (the violation has no holder in the log)
 * @param runningImages    a test run of {@code app_N.exe} is still alive when link.exe opens that
 *                         file for writing: SHARING VIOLATION caused by the running image
 * @param jitter           leaks whose CreateFile and Process Create are less than 1 ms apart, the
 *                         open logged first, second or with the same timestamp (by job)
 * @param refutations      Python 3 style: the driver opens a file, spawns a job on another thread
 *                         and closes its own object while the child still runs (refuted races)
 * @param sameThread       Python 2 style {@code f = open(); subprocess.call()} on one thread, the
 *                         child never using the file, the driver closing it after the call
 * @param siblings         leaks where the driver spawns a sibling ({@code cmd /c touch}) in the same
 *                         window as the carrying child
 * @param exitedOpeners    {@code gen.exe} writes a table and exits without closing it; by turns the
 *                         kernel's rundown CloseFile is in the log and the driver's later delete is
 *                         refused by the scanner, or it is missing and the refusal is unexplained;
 *                         the refusal must never name the exited opener
 */
public record Behaviours(boolean currentDirectory, boolean redirectAll, int cmdClosesLast, int pdbServers,
                         int scanners, int runningImages, int jitter, int refutations, int sameThread,
                         int siblings, int exitedOpeners) {

    /** Nothing switched on. */
    public static final Behaviours NONE = new Behaviours(false, false, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Behaviours {
        if (cmdClosesLast < 0 || pdbServers < 0 || scanners < 0 || runningImages < 0 || jitter < 0
                || refutations < 0 || sameThread < 0 || siblings < 0 || exitedOpeners < 0) {
            throw new IllegalArgumentException("behaviour counts must not be negative");
        }
    }

    /** @return the jobs these behaviours take from the build's mix */
    public int jobs() {
        return cmdClosesLast + pdbServers + scanners + runningImages + jitter + refutations + sameThread + siblings
                + exitedOpeners;
    }

    /** @return a copy with the current-directory opens on or off */
    public Behaviours withCurrentDirectory(boolean on) {
        return new Behaviours(on, redirectAll, cmdClosesLast, pdbServers, scanners, runningImages, jitter,
                refutations, sameThread, siblings, exitedOpeners);
    }

    /** @return a copy with every compile job redirected or not */
    public Behaviours withRedirectAll(boolean on) {
        return new Behaviours(currentDirectory, on, cmdClosesLast, pdbServers, scanners, runningImages, jitter,
                refutations, sameThread, siblings, exitedOpeners);
    }

    /** @return a copy with other counts of redirects, PDB servers, scanners and running images */
    public Behaviours withServers(int newCmdClosesLast, int newPdbServers, int newScanners, int newRunningImages) {
        return new Behaviours(currentDirectory, redirectAll, newCmdClosesLast, newPdbServers, newScanners,
                newRunningImages, jitter, refutations, sameThread, siblings, exitedOpeners);
    }

    /** @return a copy with other counts of the race shapes */
    public Behaviours withRaces(int newJitter, int newRefutations, int newSameThread, int newSiblings,
                                int newExitedOpeners) {
        return new Behaviours(currentDirectory, redirectAll, cmdClosesLast, pdbServers, scanners, runningImages,
                newJitter, newRefutations, newSameThread, newSiblings, newExitedOpeners);
    }
}
