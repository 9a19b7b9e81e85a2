package org.pmtriage.diagnosis;

import java.util.ArrayList;
import java.util.List;

import org.pmtriage.event.Module;

/**
 * What the log tells of one process while the pass runs: image path, version resource, modules.
 * Modules are counted; those that name a runtime are kept as evidence; all of them are kept for
 * decoding stack addresses only while the process lives and only when asked ({@link #loaded}),
 * at most {@link #MAX_MODULES}. Not thread-safe.
 */
public final class ProcessProfile {

    /** Modules kept per process for decoding stacks; the rest are counted. */
    public static final int MAX_MODULES = 2048;
    private static final int MAX_DECIDING = 4;

    private String imagePath = "";
    private RuntimeIdentifier.VersionResource resource = RuntimeIdentifier.VersionResource.NONE;
    private List<Module> tableModules = List.of();
    private List<Module> loaded;
    private List<Module> deciding;
    private int moduleCount;
    private int notKept;
    private ModuleSnapshot modules;
    private ProcessIdentity identity;
    private String identityName;
    private String identityCommandLine;
    private boolean tallied;

    /** Its image path, when none is known yet. */
    public void image(String path) {
        if (imagePath.isEmpty() && !path.isEmpty()) {
            imagePath = path;
            identity = null;
        }
    }

    /** Its image's version resource, when none is known yet. */
    public void versionResource(String description, String company, String version) {
        if (resource.empty() && !(description.isEmpty() && company.isEmpty() && version.isEmpty())) {
            resource = new RuntimeIdentifier.VersionResource(description, company, version);
            identity = null;
        }
    }

    /** The modules the log's process table lists for it (kept by reference, not copied). */
    public void tableModules(List<Module> modules) {
        tableModules = modules;
        moduleCount += modules.size();
        identity = null;
        for (Module m : modules) {
            if (RuntimeIdentifier.decides(m.path())) {
                evidence(m);
            }
        }
        modules = null;
    }

    /**
     * A module loaded during the capture (a Load Image event).
     *
     * @param module    the module
     * @param decides   whether its path names a runtime ({@link RuntimeIdentifier#decides}): the
     *                  caller asks, so that it may remember the answer for a path met again
     * @param forStacks whether to keep it for decoding stack addresses
     * @return whether it was kept for stacks (false past {@link #MAX_MODULES}, or when the process
     *         table already lists it)
     */
    public boolean loaded(Module module, boolean decides, boolean forStacks) {
        for (Module m : tableModules) {
            if (m.base() == module.base() && m.path().equalsIgnoreCase(module.path())) {
                return false;
            }
        }
        moduleCount++;
        identity = null;
        if (decides) {
            evidence(module);
        }
        if (!forStacks) {
            return false;
        }
        if (tableModules.size() + (loaded == null ? 0 : loaded.size()) >= MAX_MODULES) {
            notKept++;
            return false;
        }
        if (loaded == null) {
            loaded = new ArrayList<>(8);
        }
        loaded.add(module);
        modules = null;
        return true;
    }

    /** @return how many modules loaded during the capture it keeps for stacks */
    public int keptForStacks() {
        return loaded == null ? 0 : loaded.size();
    }

    /** @return the modules mapped into it so far, to decode stack addresses with */
    public ModuleSnapshot modules() {
        if (modules == null) {
            modules = new ModuleSnapshot(tableModules, loaded == null ? List.of() : loaded,
                    loaded == null ? 0 : loaded.size());
        }
        return modules;
    }

    /** @return true the first time only: whether its runtime is still to be counted in the capture's tally */
    public boolean untallied() {
        boolean first = !tallied;
        tallied = true;
        return first;
    }

    /** It exited: the modules kept for stacks go; what identifies it stays. */
    public void retire() {
        loaded = null;
        tableModules = List.of();
        modules = null;
    }

    /**
     * @param name        its process name now
     * @param commandLine its command line now
     * @return what the log tells of it, computed again only when something changed
     */
    public ProcessIdentity identity(String name, String commandLine) {
        if (identity == null || !name.equals(identityName) || !commandLine.equals(identityCommandLine)) {
            List<Module> evidence = deciding == null ? List.of() : deciding;
            RuntimeId runtime = RuntimeIdentifier.identify(name, imagePath, commandLine, resource, evidence);
            identity = new ProcessIdentity(imagePath, resource, runtime, evidence, moduleCount, notKept);
            identityName = name;
            identityCommandLine = commandLine;
        }
        return identity;
    }

    /** Keeps {@code m}, a module whose path names a runtime, as evidence (the first few only). */
    private void evidence(Module m) {
        if (deciding == null || deciding.size() < MAX_DECIDING) {
            if (deciding == null) {
                deciding = new ArrayList<>(2);
            }
            deciding.add(m);
            identity = null;
        }
    }
}
