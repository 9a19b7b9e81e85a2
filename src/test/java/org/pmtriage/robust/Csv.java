package org.pmtriage.robust;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds ProcMon-like CSV exports, bytes exactly as given, for the hostile-input cases. */
final class Csv {

    static final String HEADER = "\"Time of Day\",\"Process Name\",\"PID\",\"Operation\",\"Path\",\"Result\",\"Detail\"";
    static final String OPEN = row("1:12:21.0000000 PM", "python.exe", "4312", "CreateFile", "C:\\build\\a.cpp",
            "SUCCESS", "Desired Access: Generic Write, ShareMode: None, OpenResult: Created");
    static final String CLOSE = row("1:12:21.1000000 PM", "python.exe", "4312", "CloseFile", "C:\\build\\a.cpp",
            "SUCCESS", "");

    private final List<byte[]> parts = new ArrayList<>();

    static String row(String... fields) {
        List<String> quoted = new ArrayList<>();
        for (String f : fields) {
            quoted.add('"' + f.replace("\"", "\"\"") + '"');
        }
        return String.join(",", quoted);
    }

    /** @return an export with the header and {@code rows}, each ended by CRLF */
    static Csv of(String... rows) {
        Csv csv = new Csv().line(HEADER);
        for (String r : rows) {
            csv.line(r);
        }
        return csv;
    }

    Csv line(String text) {
        return raw(text + "\r\n");
    }

    Csv raw(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    Csv bytes(byte[] b) {
        parts.add(b);
        return this;
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    String text() {
        return new String(toBytes(), StandardCharsets.UTF_8);
    }
}
