package org.pmtriage.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Running ProcMon instances. {@code /Terminate} stops every instance, so a capture must not start
 * beside another one: it would end someone else's capture.
 */
public final class ProcMonInstances {

    private static final Set<String> NAMES = Set.of("procmon.exe", "procmon64.exe", "procmon64a.exe");

    private ProcMonInstances() {
    }

    /**
     * @param executable the ProcMon this capture would use (a stand-in is recognized by its path,
     *                   also when a script interpreter runs it)
     * @return the PIDs of ProcMon processes other than this one
     */
    public static List<Long> running(Path executable) {
        String exe = executable.toAbsolutePath().toString();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self)
                .filter(p -> isProcMon(p.info().command(), p.info().arguments(), exe)).map(ProcessHandle::pid).toList();
    }

    /**
     * @return whether a process with that executable and those arguments is ProcMon: its executable
     *         has one of ProcMon's names or is {@code exe}, or an interpreter runs {@code exe}
     */
    static boolean isProcMon(Optional<String> command, Optional<String[]> arguments, String exe) {
        if (command.isPresent() && (command.get().equals(exe) || NAMES.contains(fileName(command.get())))) {
            return true;
        }
        return arguments.filter(a -> a.length > 0 && a[0].equals(exe)).isPresent();
    }

    private static String fileName(String command) {
        int slash = Math.max(command.lastIndexOf('/'), command.lastIndexOf('\\'));
        return command.substring(slash + 1).toLowerCase(Locale.ROOT);
    }
}
