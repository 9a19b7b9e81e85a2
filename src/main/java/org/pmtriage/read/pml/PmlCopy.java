package org.pmtriage.read.pml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.pmtriage.read.LogFormatException;

/**
 * The temporary copy of a PML that arrives as a stream (gzip-compressed, or standard input):
 * events are positioned by offset, so it is read from a file. Its header is checked before
 * anything is written; the copy stops at {@code limit} bytes; the file is deleted as soon as it
 * is open (POSIX), so it is gone however the run ends, or else when it is closed.
 */
final class PmlCopy {

    private static final long MIB = 1 << 20;

    private PmlCopy() {
    }

    /**
     * @param in     the uncompressed PML bytes, from the start
     * @param source the name for messages
     * @param limit  the most bytes the copy may take
     * @return a channel on the copy, which deletes it when closed (if it is not gone already)
     * @throws LogFormatException when the header is not a readable PML's, or the copy would pass {@code limit}
     * @throws IOException when the copy cannot be made
     */
    static FileChannel of(InputStream in, String source, long limit) throws IOException {
        byte[] head = in.readNBytes(PmlHeader.SIZE);
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).position(head.length);
        PmlHeader claimed = PmlHeader.parse(b, head.length < PmlHeader.SIZE ? head.length : Long.MAX_VALUE, source);
        if (claimed.hostsOffset() > limit) {
            throw tooLarge(source, "byte 0x3a0", "its hosts table is at 0x" + Long.toHexString(claimed.hostsOffset()), limit);
        }
        Path file = Files.createTempFile("pmtriage-", ".pml");
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        try {
            deleteNow(file);
            write(channel, ByteBuffer.wrap(head));
            byte[] block = new byte[1 << 16];
            long copied = head.length;
            for (int n; (n = in.read(block)) > 0; copied += n) {
                if (copied + n > limit) {
                    throw tooLarge(source, "byte 0x" + Long.toHexString(limit), "it goes on past that", limit);
                }
                write(channel, ByteBuffer.wrap(block, 0, n));
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Deletes the open copy where the OS allows it (POSIX); elsewhere it goes when the channel closes. */
    private static void deleteNow(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException stillOpen) {
            // Windows keeps a file that is open; DELETE_ON_CLOSE removes it
        }
    }

    private static void write(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static LogFormatException tooLarge(String source, String position, String why, long limit) {
        String size = limit % MIB == 0 ? limit / MIB + " MiB" : limit + " bytes";
        return new LogFormatException(source, position, "the PML is larger than the " + size
                + " a temporary copy may take (" + why + "); decompress it to a file, or raise --max-copy");
    }
}
