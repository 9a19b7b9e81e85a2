package org.pmtriage.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * A file written in full or not at all, that never destroys what it should not. The name is
 * followed through symbolic links to the file they point at. A regular file (or a new one) is
 * written to a temporary file beside it, which replaces it only on {@link #commit()}; closing
 * without committing, or a signal that ends the run, deletes the temporary file, so a failed or
 * interrupted run leaves an earlier file untouched. Anything else (a FIFO, a device such as
 * {@code /dev/null}) is written in place, since replacing it would destroy it.
 *
 * <p>Temporary files are named {@code .NAME.pmtriage-PID-HEX.tmp}; one left by a run that was
 * killed (SIGKILL) is deleted by the next run that writes {@code NAME}, once no process has that PID.
 */
final class AtomicOutput implements AutoCloseable {

    private static final String TEMP_MARK = ".pmtriage-";
    private static final String TEMP_END = ".tmp";
    private static final int MAX_LINKS = 40;

    private final Path target;
    private final Path temp;
    private final PrintWriter writer;
    private final Thread cleanup;
    private boolean committed;

    /**
     * @param given the file to write, as the user named it
     * @throws IOException when it cannot be opened, or the temporary file cannot be created
     */
    AtomicOutput(Path given) throws IOException {
        check(given);
        this.target = resolve(given);
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            this.temp = null;
            this.cleanup = null;
            this.writer = writer(Files.newOutputStream(target, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING));
            return;
        }
        String name = target.getFileName().toString();
        deleteStale(target.getParent(), name);
        // not Files.createTempFile: its owner-only permissions would stay on the finished file
        this.temp = Files.createFile(target.resolveSibling(tempPrefix(name) + ProcessHandle.current().pid()
                + "-" + Long.toHexString(System.nanoTime()) + TEMP_END));
        this.cleanup = new Thread(this::deleteTemp);
        Runtime.getRuntime().addShutdownHook(cleanup);
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException | IOException notPosixOrNotOurs) {
                // the new file keeps the default permissions
            }
        }
        this.writer = writer(Files.newOutputStream(temp));
    }

    /** What a command writes to {@code --output} or standard output. */
    interface Body {
        void write(PrintWriter out) throws IOException;
    }

    /**
     * Writes to {@code file} atomically, or to {@code standardOutput} when no file is named.
     *
     * @param file           the file the user named, or null
     * @param standardOutput the command's standard output
     * @param body           what to write
     * @throws IOException when the file cannot be written
     */
    static void write(Path file, PrintWriter standardOutput, Body body) throws IOException {
        if (file == null) {
            body.write(standardOutput);
            return;
        }
        try (AtomicOutput out = new AtomicOutput(file)) {
            body.write(out.writer());
            out.commit();
        }
    }

    private static PrintWriter writer(OutputStream out) {
        return new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), false);
    }

    /**
     * Tells early, before a long pass, that {@code given} cannot be written: its folder is missing
     * or not writable, it is a folder itself, or its symbolic links go round.
     *
     * @throws IOException saying which
     */
    static void check(Path given) throws IOException {
        Path target = resolve(given);
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(given + ": is a folder, not a file");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(given + ": folder " + dir + " does not exist");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            if (!Files.isWritable(target)) {
                throw new IOException(given + ": is not writable");
            }
        } else if (!Files.isWritable(dir)) {
            throw new IOException(given + ": folder " + dir + " is not writable");
        }
    }

    /**
     * @return why writing {@code output} would destroy one of {@code inputs} (the same file, also
     *         through links), or empty; {@code -} (standard input) is no file
     */
    static Optional<String> destroys(Path output, List<String> inputs) throws IOException {
        for (String input : inputs) {
            if (!input.equals("-") && sameFile(output, Path.of(input))) {
                return Optional.of(output + " is the input log " + input + ": writing to it would destroy the log");
            }
        }
        return Optional.empty();
    }

    /** @return whether {@code a} and {@code b} name one file, whether or not it exists yet */
    static boolean sameFile(Path a, Path b) throws IOException {
        Path ra = resolve(a);
        Path rb = resolve(b);
        return Files.exists(ra) && Files.exists(rb) ? Files.isSameFile(ra, rb) : ra.equals(rb);
    }

    /** @return {@code given} as an absolute path, its symbolic links followed and its folder real */
    private static Path resolve(Path given) throws IOException {
        Path p = given.toAbsolutePath();
        for (int links = 0; Files.isSymbolicLink(p); links++) {
            if (links == MAX_LINKS) {
                throw new IOException(given + ": too many levels of symbolic links");
            }
            p = p.getParent().resolve(Files.readSymbolicLink(p));
        }
        Path dir = p.getParent();
        return Files.isDirectory(dir) ? dir.toRealPath().resolve(p.getFileName()) : p.normalize();
    }

    private static String tempPrefix(String name) {
        return "." + name + TEMP_MARK;
    }

    /** Deletes the temporary files for {@code name} that runs no longer alive left behind. */
    private static void deleteStale(Path dir, String name) {
        String prefix = tempPrefix(name);
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(TEMP_END);
        })) {
            for (Path p : stale) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                long pid = dash < 0 ? -1 : parsePid(rest.substring(0, dash));
                if (pid > 0 && ProcessHandle.of(pid).isEmpty() && Files.isRegularFile(p)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException unlisted) {
            // stale files stay; the new run does not need them gone
        }
    }

    private static long parsePid(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** @return where to write the content */
    PrintWriter writer() {
        return writer;
    }

    /**
     * Puts the written content in place.
     *
     * @throws IOException when it could not be written or moved
     */
    void commit() throws IOException {
        writer.flush();
        if (writer.checkError()) {
            throw new IOException(target + ": write failed");
        }
        writer.close();
        if (temp != null) {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            writer.close();
            deleteTemp();
        }
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private void deleteTemp() {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done for a temporary file
        }
    }
}
