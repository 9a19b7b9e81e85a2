package org.pmtriage.read.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Re-encodes text from a Reader as UTF-8 bytes, so that UTF-16 exports go through the byte scanner. */
public final class Utf8Transcoder extends BlockInputStream {

    private final Reader in;
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3);
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private boolean done;

    public Utf8Transcoder(Reader in) {
        this.in = in;
        bytes.flip();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!bytes.hasRemaining()) {
            if (done) {
                return -1;
            }
            int n = in.read(chars);
            chars.flip();
            bytes.clear();
            if (n < 0) {
                done = true;
                encoder.encode(chars, bytes, true);
                encoder.flush(bytes);
            } else {
                encoder.encode(chars, bytes, false);
            }
            chars.compact();
            bytes.flip();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
