package org.pmtriage.read.xml;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;

/**
 * Reads an XML {@code <processlist>} as it streams, keeping per process only what the analysis
 * needs; module lists and descriptive fields are skipped without building their text.
 */
final class ProcessListParser {

    /** Receives a malformed {@code <process>} entry. */
    interface BadEntries {
        /**
         * @param position {@code line:column} of the entry
         * @param what     what was wrong
         */
        void bad(String position, String what);
    }

    private final XmlCursor cursor;
    private final BadEntries badEntries;
    private final NameCache names = new NameCache();

    ProcessListParser(XmlCursor cursor, BadEntries badEntries) {
        this.cursor = cursor;
        this.badEntries = badEntries;
    }

    /**
     * Reads the processlist whose start tag the cursor is on, through its end tag.
     *
     * @return the well-formed entries, in file order
     */
    List<ProcessEntry> read() {
        List<ProcessEntry> entries = new ArrayList<>();
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (cursor.name().equals("process")) {
                ProcessEntry entry = readProcess();
                if (entry != null) {
                    entries.add(entry);
                }
            } else {
                cursor.skipElement();
            }
        }
        return entries;
    }

    private ProcessEntry readProcess() {
        Location start = cursor.location();
        long index = -1;
        long pid = -1;
        long parentPid = -1;
        long parentIndex = -1;
        long createTime = 0;
        long finishTime = 0;
        String name = "";
        String imagePath = "";
        String commandLine = "";
        String indexText = null;
        String pidText = null;
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (cursor.name()) {
                case "ProcessIndex" -> {
                    indexText = text();
                    index = number(indexText, Integer.MAX_VALUE);
                }
                case "ProcessId" -> {
                    pidText = text();
                    pid = number(pidText, Integer.MAX_VALUE);
                }
                case "ParentProcessId" -> parentPid = number(text(), Integer.MAX_VALUE);
                case "ParentProcessIndex" -> parentIndex = number(text(), Integer.MAX_VALUE);
                case "CreateTime" -> createTime = Math.max(0, number(text(), Long.MAX_VALUE));
                case "FinishTime" -> finishTime = Math.max(0, number(text(), Long.MAX_VALUE));
                case "ProcessName" -> name = names.get(textChars(), cursor.length());
                case "ImagePath" -> imagePath = names.get(textChars(), cursor.length());
                case "CommandLine" -> commandLine = text();
                default -> cursor.skipElement();
            }
        }
        if (index < 0 || pid < 0) {
            String what = index < 0
                    ? (indexText == null ? "<process> has no <ProcessIndex>" : "ProcessIndex \"" + EventElementParser.clip(indexText) + "\" is not a number")
                    : (pidText == null ? "<process> has no <ProcessId>" : "ProcessId \"" + EventElementParser.clip(pidText) + "\" is not a number");
            badEntries.bad(cursor.format(start), what);
            return null;
        }
        return new ProcessEntry((int) index, (int) pid, (int) parentPid, (int) parentIndex, name,
                imagePath, commandLine, createTime, finishTime);
    }

    private String text() {
        cursor.readText();
        return cursor.string();
    }

    private char[] textChars() {
        cursor.readText();
        return cursor.text();
    }

    /** @return the non-negative number up to max, or -1 when the text is not one */
    private static long number(String text, long max) {
        int n = text.length();
        if (n == 0 || n > 19) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + c - '0';
            if (v < 0) {
                return -1;
            }
        }
        return v > max ? -1 : v;
    }
}
