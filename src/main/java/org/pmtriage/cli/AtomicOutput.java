package org.pmtriage.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written in full or not at all: text goes to a temporary file beside the target, which
 * replaces the target only on {@link #commit()}. Closing without committing deletes the
 * temporary file, so a failed or interrupted run leaves an earlier file untouched.
 */
final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final PrintWriter writer;
    private final Thread cleanup;
    private boolean committed;

    /**
     * @param target the file to write
     * @throws IOException when the temporary file cannot be created
     */
    AtomicOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path dir = this.target.getParent();
        check(this.target);
        // not Files.createTempFile: its owner-only permissions would stay on the finished file
        this.temp = Files.createFile(dir.resolve("." + this.target.getFileName() + "." + ProcessHandle.current().pid()
                + "." + Long.toHexString(System.nanoTime()) + ".tmp"));
        Writer w = new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8);
        this.writer = new PrintWriter(w, false);
        this.cleanup = new Thread(this::deleteTemp);
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Tells early, before a long pass, that {@code target} cannot be written: its folder is
     * missing or not writable, or it is a folder itself.
     *
     * @throws IOException saying which
     */
    static void check(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder, not a file");
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException(target + ": folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new IOException(target + ": folder " + dir + " is not writable");
        }
    }

    /** @return where to write the content */
    PrintWriter writer() {
        return writer;
    }

    /**
     * Moves the written content into place.
     *
     * @throws IOException when it could not be written or moved
     */
    void commit() throws IOException {
        writer.flush();
        if (writer.checkError()) {
            throw new IOException(target + ": write failed");
        }
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            writer.close();
            deleteTemp();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done for a temporary file
        }
    }
}
