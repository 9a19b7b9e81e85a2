package org.pmtriage.robust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Makes the hostile inputs of issue 15 at test time: small gzip files that decompress to huge
 * shapes (fields, attributes, comments, tables), written as a stream, never held whole.
 */
final class Hostile {

    private Hostile() {
    }

    /** Writes the parts of a file in turn. */
    interface Body {
        void write(OutputStream out) throws IOException;
    }

    /** @return {@code bytes} as one gzip member */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return {@code file}, written gzip-compressed by {@code body} */
    static Path gzipFile(Path file, Body body) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            body.write(out);
        }
        return file;
    }

    /** Writes {@code count} copies of {@code unit} (ASCII or UTF-8 text). */
    static void repeat(OutputStream out, String unit, long count) throws IOException {
        byte[] one = unit.getBytes(StandardCharsets.UTF_8);
        int perBlock = Math.max(1, (1 << 16) / one.length);
        byte[] block = unit.repeat(perBlock).getBytes(StandardCharsets.UTF_8);
        long left = count;
        for (; left >= perBlock; left -= perBlock) {
            out.write(block);
        }
        for (; left > 0; left--) {
            out.write(one);
        }
    }

    /** Writes {@code text} as UTF-8. */
    static void text(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
