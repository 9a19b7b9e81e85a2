package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.pmtriage.read.LogFormatException;

/** Expands the LOG arguments: a folder stands for every log file directly in it. */
final class LogArguments {

    private static final List<String> LOG_ENDINGS = List.of(".csv", ".xml", ".pml", ".csv.gz", ".xml.gz", ".pml.gz");

    private LogArguments() {
    }

    /**
     * @param args the arguments as given
     * @return the logs to read, folders expanded in name order
     * @throws LogFormatException when a folder cannot be listed or holds no log
     */
    static List<String> expand(List<String> args) {
        List<String> logs = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (arg.equals("-") || !Files.isDirectory(path)) {
                logs.add(arg);
                continue;
            }
            try (Stream<Path> files = Files.list(path)) {
                List<String> found = files.filter(Files::isRegularFile)
                        .filter(p -> isLogName(p.getFileName().toString()))
                        .map(Path::toString).sorted().toList();
                if (found.isEmpty()) {
                    throw new LogFormatException(arg, "", "folder holds no .csv, .xml or .pml log (plain or .gz)");
                }
                logs.addAll(found);
            } catch (IOException e) {
                throw new LogFormatException(arg, "", "cannot list folder: " + e.getMessage());
            }
        }
        return logs;
    }

    private static boolean isLogName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return LOG_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
