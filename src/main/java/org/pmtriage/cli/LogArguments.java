package org.pmtriage.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.pmtriage.read.LogFormatException;

/**
 * Expands the LOG arguments: a folder stands for every log file in it and in its sub-folders, in
 * path order. The later files of a PML rollover set ({@code Logfile-1.PML}, ... beside
 * {@code Logfile.PML}) are left out when their set is joined, since the reader of the first file
 * reads them as one capture.
 */
final class LogArguments {

    private static final Pattern ROLLOVER = Pattern.compile("(.+)-(\\d{1,6})(\\.pml)",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> LOG_ENDINGS = List.of(".csv", ".xml", ".pml", ".csv.gz", ".xml.gz", ".pml.gz");

    private LogArguments() {
    }

    /**
     * @param args         the arguments as given
     * @param joinRollover whether a rollover set is read as one capture (else each file is a log)
     * @return the logs to read, folders expanded in path order
     * @throws LogFormatException when a folder cannot be listed or holds no log
     */
    static List<String> expand(List<String> args, boolean joinRollover) {
        List<String> logs = new ArrayList<>();
        for (String arg : args) {
            Path path = Path.of(arg);
            if (arg.equals("-") || !Files.isDirectory(path)) {
                logs.add(arg);
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                List<Path> logFiles = files.filter(Files::isRegularFile)
                        .filter(p -> isLogName(p.getFileName().toString())).sorted().toList();
                List<String> found = logFiles.stream().filter(p -> !joinRollover || !laterRolloverFile(p, logFiles))
                        .map(Path::toString).toList();
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

    /**
     * @return whether {@code file} is {@code stem-N.pml} with {@code stem.pml} and {@code stem-1.pml}
     *         to {@code stem-(N-1).pml} among {@code files}: the reader of {@code stem.pml} joins it
     */
    private static boolean laterRolloverFile(Path file, List<Path> files) {
        Matcher m = ROLLOVER.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return false;
        }
        int n = Integer.parseInt(m.group(2));
        for (int k = 0; k < n; k++) {
            String earlier = m.group(1) + (k == 0 ? "" : "-" + k) + m.group(3);
            if (files.stream().noneMatch(p -> p.getParent().equals(file.getParent())
                    && p.getFileName().toString().equalsIgnoreCase(earlier))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLogName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return LOG_ENDINGS.stream().anyMatch(lower::endsWith);
    }
}
