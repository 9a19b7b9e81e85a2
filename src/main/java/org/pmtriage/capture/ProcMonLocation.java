package org.pmtriage.capture;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds ProcMon: {@code --procmon PATH}, else the environment variable {@code PMTRIAGE_PROCMON},
 * else {@code Procmon64.exe} or {@code Procmon.exe} on {@code PATH}. ProcMon runs on Windows only;
 * elsewhere only a path given explicitly is accepted, as a stand-in for tests.
 */
public final class ProcMonLocation {

    /** The environment variable naming ProcMon. */
    public static final String VARIABLE = "PMTRIAGE_PROCMON";
    private static final List<String> NAMES = List.of("Procmon64.exe", "Procmon.exe");

    private ProcMonLocation() {
    }

    /**
     * @param option   the {@code --procmon} option, if given
     * @param variable the value of {@code PMTRIAGE_PROCMON}, if set
     * @param path     the value of {@code PATH}, if set
     * @param windows  whether this is Windows
     * @return ProcMon's executable
     * @throws CaptureSetupException when there is none
     */
    public static Path find(Optional<Path> option, Optional<String> variable, Optional<String> path, boolean windows)
            throws CaptureSetupException {
        Optional<String> given = option.map(Path::toString).or(() -> variable.filter(v -> !v.isBlank()));
        String from = option.isPresent() ? "--procmon" : VARIABLE;
        if (given.isEmpty() && !windows) {
            throw new CaptureSetupException("ProcMon runs on Windows only; run capture on a Windows host or VM"
                    + " (a stand-in for tests may be named with --procmon or " + VARIABLE + ")");
        }
        if (given.isPresent()) {
            Path exe;
            try {
                exe = Path.of(given.get()).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new CaptureSetupException("ProcMon not found: " + given.get() + " (from " + from + ") is not a path");
            }
            if (!Files.isRegularFile(exe) || !Files.isExecutable(exe)) {
                throw new CaptureSetupException("ProcMon not found: " + exe + " (from " + from
                        + ") is not an executable file");
            }
            return exe;
        }
        for (String dir : path.orElse("").split(File.pathSeparator)) {
            for (String name : NAMES) {
                try {
                    Path exe = Path.of(dir.isEmpty() ? "." : dir, name).toAbsolutePath();
                    if (Files.isRegularFile(exe)) {
                        return exe;
                    }
                } catch (InvalidPathException skipped) {
                    // a malformed PATH entry holds no ProcMon
                }
            }
        }
        throw new CaptureSetupException("ProcMon not found: put Procmon64.exe (Sysinternals) on PATH, or name it with"
                + " --procmon or " + VARIABLE);
    }
}
