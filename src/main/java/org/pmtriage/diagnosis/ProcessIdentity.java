package org.pmtriage.diagnosis;

import java.util.List;
import java.util.Objects;

import org.pmtriage.event.Module;

/**
 * What the log tells of a process beyond its name and command line, and the runtime that follows.
 *
 * @param imagePath      its image's full path, empty when unknown
 * @param resource       its image's version resource, {@link RuntimeIdentifier.VersionResource#NONE} when unknown
 * @param runtime        what it runs and the evidence that decided it
 * @param decidingModules the modules that name a runtime (at most a few), the one that decided first
 * @param moduleCount    how many modules the log lists for it (process table and Load Image events)
 * @param modulesNotKept modules left out of its module map (past the cap): addresses in them decode as {@code <unknown>}
 */
public record ProcessIdentity(String imagePath, RuntimeIdentifier.VersionResource resource, RuntimeId runtime,
                              List<Module> decidingModules, int moduleCount, int modulesNotKept) {

    /** A process the log tells nothing more of than its name. */
    public static final ProcessIdentity UNKNOWN = new ProcessIdentity("", RuntimeIdentifier.VersionResource.NONE,
            RuntimeId.UNKNOWN, List.of(), 0, 0);

    public ProcessIdentity {
        Objects.requireNonNull(imagePath, "imagePath");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(runtime, "runtime");
        decidingModules = List.copyOf(decidingModules);
    }

    /**
     * @param name        the process name
     * @param commandLine its command line, empty when unknown
     * @return the identity of a process of which the log gives only its name and command line
     */
    public static ProcessIdentity of(String name, String commandLine) {
        RuntimeId runtime = RuntimeIdentifier.identify(name, "", commandLine, RuntimeIdentifier.VersionResource.NONE,
                List.of());
        return runtime.known() ? new ProcessIdentity("", RuntimeIdentifier.VersionResource.NONE, runtime, List.of(), 0, 0)
                : UNKNOWN;
    }
}
