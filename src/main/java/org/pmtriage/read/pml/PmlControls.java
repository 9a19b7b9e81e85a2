package org.pmtriage.read.pml;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Names of FSCTL and IOCTL codes as ProcMon writes them in the Detail of FileSystemControl and
 * DeviceIoControl (the codes of the Windows SDK headers, listed in {@code controls.tsv}); an
 * unnamed code is written as ProcMon does: {@code 0x902eb (Device:0x9 Function:186 Method: 3)}.
 * Some codes also give the event its Category (reads and writes of data or metadata).
 */
final class PmlControls {

    private static final Map<Integer, String> NAMES = new HashMap<>();
    private static final Map<Integer, String> CATEGORIES = new HashMap<>();

    static {
        load();
    }

    private PmlControls() {
    }

    static String name(int code) {
        String name = NAMES.get(code);
        if (name != null) {
            return name;
        }
        return "0x" + Integer.toHexString(code) + " (Device:0x" + Integer.toHexString(code >>> 16) + " Function:"
                + ((code >>> 2) & 0xfff) + " Method: " + (code & 3) + ")";
    }

    /** @return the Category a control gives its event, or empty */
    static String category(int code) {
        return CATEGORIES.getOrDefault(code, "");
    }

    private static void load() {
        try (InputStream in = PmlControls.class.getResourceAsStream("controls.tsv")) {
            if (in == null) {
                throw new IllegalStateException("controls.tsv is missing from the jar");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.split("\t");
                if (fields.length >= 2 && !line.startsWith("#")) {
                    int code = Integer.parseUnsignedInt(fields[0], 16);
                    NAMES.put(code, fields[1]);
                    if (fields.length > 2) {
                        CATEGORIES.put(code, fields[2]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
