package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pmtriage.read.LogFormatException;

/**
 * Expands the LOG arguments: a folder stands for every log file directly in it, except the
 * rollover parts ({@code Logfile-1.PML}, ...) of a {@code Logfile.PML} beside them, which that
 * file's reader joins (unless rollover is off), so no part is read twice.
 */
final class LogArguments {

    private static final Pattern ROLLOVER_PART = Pattern.compile("(.*)-\\d{1,6}(\\.pml)", Pattern.CASE_INSENSITIVE);
    private static final List<String> LOG_ENDINGS = List.of(".csv", ".xml", ".pml", ".csv.gz", ".xml.gz", ".pml.gz");

    private LogArguments() {
    }

    /**
     * @param args     the arguments as given
     * @param rollover whether PML readers join rollover parts
     * @return the logs to read, folders expanded in name order
     * @throws LogFormatException when a folder cannot be listed or holds no log
     */
    static List<String> expand(List<String> args, boolean rollover) {
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
                logs.addAll(rollover ? withoutRolloverParts(found) : found);
            } catch (IOException e) {
                throw new LogFormatException(arg, "", "cannot list folder: " + e.getMessage());
            }
        }
        return logs;
    }

    private static List<String> withoutRolloverParts(List<String> files) {
        Set<String> names = new HashSet<>();
        files.forEach(f -> names.add(Path.of(f).getFileName().toString().toLowerCase(Locale.ROOT)));
        return files.stream().filter(f -> {
            Matcher m = ROLLOVER_PART.matcher(Path.of(f).getFileName().toString());
            return !(m.matches() && names.contains((m.group(1) + m.group(2)).toLowerCase(Locale.ROOT)));
        }).toList();
    }

    private static boolean isLogName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return LOG_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
