package org.pmtriage.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.open.LogReaders;

/**
 * Logs as a user names them: a folder stands for every log file in it and in its sub-folders; a
 * file reached twice (a link, a folder and a file in it, a rollover file named beside its capture)
 * is read once.
 *
 * <pre>{@code
 * List<String> logs = LogFiles.expand(List.of("captures"), true, System.err::println);
 * BatchAnalysis batch = BatchAnalysis.of(logs, AnalysisOptions.defaults(), 2);
 * }</pre>
 */
public final class LogFiles {

    private static final List<String> LOG_ENDINGS = List.of(".csv", ".xml", ".pml", ".csv.gz", ".xml.gz", ".pml.gz");

    private LogFiles() {
    }

    /**
     * @param args the logs as given ({@code LogFiles.namedTwice(List.of("a.csv", "./a.csv"))})
     * @return what is wrong when the same input is named twice (a usage error), else empty
     */
    public static Optional<String> namedTwice(List<String> args) {
        Set<String> seen = new HashSet<>();
        for (String arg : args) {
            if (!seen.add(arg.equals("-") ? "-" : Path.of(arg).toAbsolutePath().normalize().toString())) {
                return Optional.of(arg.equals("-") ? "standard input (-) is named twice"
                        : "'" + arg + "' is named twice");
            }
        }
        return Optional.empty();
    }

    /**
     * @param args     the logs and folders as given, none named twice
     *                 ({@code LogFiles.expand(List.of("captures", "extra.pml"), true, System.err::println)})
     * @param rollover whether a PML's rollover files are read with it
     * @param warnings told of each file left out because another argument reaches it
     * @return the logs to read, folders expanded in name order, each file once
     * @throws LogFormatException when a folder cannot be listed or holds no log
     */
    public static List<String> expand(List<String> args, boolean rollover, Consumer<String> warnings) {
        List<String> named = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (arg.equals("-") || !Files.isDirectory(path)) {
                named.add(arg);
            } else {
                named.addAll(folder(arg, path));
            }
        }
        Map<Path, String> partOf = new HashMap<>();
        for (String log : named) {
            if (!log.equals("-") && Files.isRegularFile(Path.of(log))) {
                List<Path> files = LogReaders.files(Path.of(log), rollover);
                for (Path member : files.subList(1, files.size())) {
                    partOf.putIfAbsent(identity(member), log);
                }
            }
        }
        Map<Path, String> taken = new HashMap<>();
        List<String> logs = new ArrayList<>();
        for (String log : named) {
            if (log.equals("-")) {
                logs.add(log);
                continue;
            }
            Path id = identity(Path.of(log));
            String owner = partOf.get(id);
            String first = taken.putIfAbsent(id, log);
            if (owner != null) {
                warnings.accept(log + ": read once, as a rollover file of " + owner);
            } else if (first != null) {
                warnings.accept(log + ": read once, " + (first.equals(log) ? "its folder is named too"
                        : "the same file as " + first));
            } else {
                logs.add(log);
            }
        }
        return logs;
    }

    private static List<String> folder(String arg, Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            List<String> found = files.filter(Files::isRegularFile)
                    .filter(p -> isLogName(p.getFileName().toString()))
                    .map(Path::toString).sorted().toList();
            if (found.isEmpty()) {
                throw new LogFormatException(arg, "", "folder holds no .csv, .xml or .pml log (plain or .gz)");
            }
            return found;
        } catch (IOException e) {
            throw new LogFormatException(arg, "", "cannot list folder: " + e.getMessage());
        }
    }

    /** The file a path reaches, links followed; the path itself when it cannot be resolved. */
    private static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static boolean isLogName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return LOG_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
