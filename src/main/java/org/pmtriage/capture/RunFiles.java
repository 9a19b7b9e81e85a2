package org.pmtriage.capture;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a session's runs in the capture folder. ProcMon logs a run to
 * {@code pmtriage-SESSION-runN-capturing.PML} and, when that grows large, goes on in
 * {@code ...-capturing-1.PML}, {@code -2.PML}, ... A kept log is renamed, all its parts together,
 * to {@code pmtriage-SESSION-runN-exitCODE.PML} ({@code -matched} added when only {@code --fail-if}
 * failed it, {@code -interrupted} instead of the exit code after Ctrl+C), with its parts as
 * {@code ...-1.PML} beside it, the names the reader joins.
 *
 * @param dir     the capture folder
 * @param session the session's start, as {@code yyyyMMdd-HHmmss}
 */
public record RunFiles(Path dir, String session) {

    private static final String EXT = ".PML";

    /** @return where ProcMon logs run {@code run} */
    public Path backing(int run) {
        return dir.resolve(stem(run) + "-capturing" + EXT);
    }

    /** @return the name a kept log of run {@code run} gets */
    public Path kept(int run, RunOutcome outcome, BuildResult result) {
        String end = outcome == RunOutcome.INTERRUPTED ? "-interrupted"
                : "-exit" + result.exitCode() + (result.exitCode() == 0 && result.outputMatched() ? "-matched" : "");
        return dir.resolve(stem(run) + end + EXT);
    }

    /** @return {@code first} and its rollover parts, in order, up to the first missing one; empty when {@code first} is missing */
    public static List<Path> parts(Path first) {
        List<Path> parts = new ArrayList<>();
        for (Path p = first; Files.isRegularFile(p); p = part(first, parts.size())) {
            parts.add(p);
        }
        return parts;
    }

    /**
     * Renames a log's parts to {@code target} and its rollover names; never replaces a file.
     *
     * @return the new names
     * @throws IOException when a target exists or a rename fails
     */
    public static List<Path> move(List<Path> parts, Path target) throws IOException {
        List<Path> targets = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Path to = i == 0 ? target : part(target, i);
            if (Files.exists(to)) {
                throw new FileAlreadyExistsException(to.toString(), null, "would be replaced; nothing was moved over it");
            }
            targets.add(to);
        }
        for (int i = 0; i < parts.size(); i++) {
            Files.move(parts.get(i), targets.get(i));
        }
        return targets;
    }

    /** Deletes a log's parts. */
    public static void delete(List<Path> parts) throws IOException {
        for (Path p : parts) {
            Files.deleteIfExists(p);
        }
    }

    private String stem(int run) {
        return "pmtriage-" + session + "-run" + run;
    }

    private static Path part(Path first, int n) {
        String name = first.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return first.resolveSibling(name.substring(0, dot) + "-" + n + name.substring(dot));
    }
}
