package org.pmtriage.read.open;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.pmtriage.read.EventReader;
import org.pmtriage.read.LogFormatException;
import org.pmtriage.read.ReadOptions;
import org.pmtriage.read.csv.CsvEventReader;
import org.pmtriage.read.internal.GzipInput;
import org.pmtriage.read.internal.TextEncoding;
import org.pmtriage.read.internal.Utf8Transcoder;
import org.pmtriage.read.pml.PmlEventReader;
import org.pmtriage.read.xml.XmlEventReader;

/**
 * Opens a log of any supported format, recognized by its content rather than its name: a
 * {@code PML_} signature, an XML document, or a CSV header; any of them may be gzip-compressed.
 * Text is UTF-8 or UTF-16, told by a byte-order mark or, without one, by the zero byte beside
 * each ASCII character of UTF-16.
 */
public final class LogReaders {

    private static final int SNIFF_BYTES = 64;

    private LogReaders() {
    }

    /**
     * Opens a log file, or standard input when {@code name} is {@code -}.
     *
     * @param name    the path as the user gave it
     * @param options how to read
     * @return a reader positioned before the first event
     * @throws LogFormatException when the input cannot be opened or is not a ProcMon log
     */
    public static EventReader open(String name, ReadOptions options) {
        if (name.equals("-")) {
            return open(System.in, "<stdin>", null, options);
        }
        Path file = Path.of(name);
        if (Files.isDirectory(file)) {
            throw new LogFormatException(name, "", "is a directory, not a log file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new LogFormatException(name, "", "no such file");
        } catch (AccessDeniedException e) {
            throw new LogFormatException(name, "", "permission denied");
        } catch (IOException e) {
            throw new LogFormatException(name, "", "cannot open: " + e.getMessage());
        }
        return open(in, name, file, options);
    }

    /**
     * The files {@link #open} reads for a log file: the file itself and, for a plain PML when
     * {@code rollover} is on, the rollover files beside it ({@code Logfile-1.PML}, ...).
     *
     * @param file     a log file
     * @param rollover whether rollover files are read with it
     * @return the files, the given one first; only the given one when it cannot be read
     */
    public static List<Path> files(Path file, boolean rollover) {
        if (!rollover) {
            return List.of(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return startsWith(in.readNBytes(4), "PML_") ? PmlEventReader.captureFiles(file) : List.of(file);
        } catch (IOException e) {
            return List.of(file);
        }
    }

    /**
     * Opens a log held in a stream (an upload, an archive entry), recognized by content as a file is.
     *
     * @param in      the log's bytes, plain or gzip; closed with the reader
     * @param name    the name messages give the log
     * @param options how to read
     * @return a reader positioned before the first event
     * @throws LogFormatException when the input is not a ProcMon log
     */
    public static EventReader open(InputStream in, String name, ReadOptions options) {
        return open(in, name, null, options);
    }

    private static EventReader open(InputStream raw, String name, Path file, ReadOptions options) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            byte[] head = peek(in);
            boolean gzip = head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            if (gzip) {
                in = new BufferedInputStream(GzipInput.open(in, name, options), 1 << 16);
                head = peek(in);
            }
            if (startsWith(head, "PML_")) {
                if (gzip || file == null) {
                    return PmlEventReader.fromStream(in, name, options);
                }
                raw.close();
                return new PmlEventReader(file, name, options);
            }
            return openText(in, head, name, options);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new LogFormatException(name, "", "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private static EventReader openText(BufferedInputStream in, byte[] head, String name,
                                        ReadOptions options) throws IOException {
        TextEncoding encoding = TextEncoding.sniff(head);
        Charset charset = encoding.charset();
        int bom = encoding.bomLength();
        if (head.length == 0) {
            throw new LogFormatException(name, "", "empty file: not a ProcMon log");
        }
        String start = new String(head, bom, head.length - bom, charset).stripLeading();
        if (start.startsWith("<")) {
            return new XmlEventReader(in, name, options);
        }
        in.skipNBytes(bom);
        InputStream utf8 = encoding.isUtf8() ? in
                : new Utf8Transcoder(new InputStreamReader(in, charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        if (start.startsWith("\"") || Character.isLetter(start.isEmpty() ? ' ' : start.charAt(0))) {
            return new CsvEventReader(utf8, name, options);
        }
        throw new LogFormatException(name, "", "not a ProcMon log (CSV, XML or PML export): it starts with "
                + describe(head));
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        return head;
    }

    private static boolean startsWith(byte[] head, String ascii) {
        if (head.length < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (head[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String describe(byte[] head) {
        StringBuilder sb = new StringBuilder("bytes");
        for (int i = 0; i < Math.min(8, head.length); i++) {
            sb.append(String.format(" %02x", head[i] & 0xff));
        }
        return sb.toString();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the open already failed; that error is the one to report
        }
    }
}
