package org.pmtriage.read.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.event.Event;
import org.pmtriage.event.Module;
import org.pmtriage.event.ProcessColumns;
import org.pmtriage.read.internal.ProcessColumnsCache;
import org.pmtriage.read.internal.RealCaptures;
import org.pmtriage.read.internal.TextBudget;

/**
 * Reads an XML {@code <processlist>} as it streams, keeping per process what the analysis needs:
 * its identity, its version-resource and security columns and its modules ({@link ModuleListParser});
 * other fields are skipped without building their text. Memory is bounded in bytes: texts are cut
 * to the {@link TextBudget}, the entries kept take at most {@link #MAX_LIST_BYTES} and their
 * modules at most {@link ModuleListParser#MAX_LIST_BYTES}; the ones after are left out, with a
 * warning each.
 */
final class ProcessListParser {

    /** The most the kept entries may take, estimated from their texts: about 80,000 processes. */
    static final long MAX_LIST_BYTES = 32L << 20;
    /** What an entry takes besides its texts, here and as the process the reader and the analysis make of it. */
    private static final int ENTRY_BYTES = 400;

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
    private final TextBudget texts;
    private final Consumer<String> warnings;
    private final ModuleListParser modules;
    private long listBytes;

    /**
     * @param texts    cuts overlong names, image paths and command lines
     * @param warnings receives, without the file name, the warning that later entries are left out
     */
    ProcessListParser(XmlCursor cursor, BadEntries badEntries, TextBudget texts, Consumer<String> warnings) {
        this.cursor = cursor;
        this.badEntries = badEntries;
        this.texts = texts;
        this.warnings = warnings;
        this.modules = new ModuleListParser(cursor, names, texts);
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
            if (cursor.name().equals("process") && listBytes <= MAX_LIST_BYTES) {
                String position = cursor.format(cursor.location());
                ProcessEntry entry = readProcess();
                if (entry != null) {
                    ProcessColumns c = entry.columns();
                    listBytes += ENTRY_BYTES + 2L * (entry.name().length() + entry.imagePath().length()
                            + entry.commandLine().length() + c.user().length() + c.integrity().length()
                            + c.company().length() + c.description().length() + c.version().length());
                    if (listBytes <= MAX_LIST_BYTES) {
                        entries.add(entry);
                    } else {
                        warnings.accept(position + ": the process list holds more than " + (MAX_LIST_BYTES >> 20)
                                + " MiB of processes: the " + entries.size() + " before this one are kept, the rest"
                                + " left out (their events are read all the same)");
                    }
                }
            } else {
                cursor.skipElement();
            }
        }
        if (modules.leftOut() > 0) {
            warnings.accept(modules.firstLeftOut() + ": " + modules.leftOut() + " modules of the process list are left"
                    + " out (more than " + RealCaptures.MAX_MODULES + " in a process, or past the "
                    + (ModuleListParser.MAX_LIST_BYTES >> 20) + " MiB the kept modules may take); stack frames in"
                    + " them show as <unknown>");
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
        String owner = "";
        String integrity = "";
        String company = "";
        String description = "";
        String version = "";
        long luid = ProcessColumns.UNKNOWN_LUID;
        boolean virtualized = false;
        boolean is64Bit = false;
        List<Module> moduleList = List.of();
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
                case "ProcessName" -> name = name("the ProcessName");
                case "ImagePath" -> imagePath = name("the ImagePath");
                case "CommandLine" -> commandLine = texts.cut(text(), "the CommandLine at " + cursor.format(cursor.location()));
                case "Owner" -> owner = name("the Owner");
                case "Integrity" -> integrity = name("the Integrity");
                case "CompanyName" -> company = name("the CompanyName");
                case "Description" -> description = name("the Description");
                case "Version" -> version = name("the Version");
                case "AuthenticationId" -> luid = ProcessColumnsCache.luid(text());
                case "IsVirtualized" -> virtualized = text().equals("1");
                case "Is64bit" -> is64Bit = text().equals("1");
                case "modulelist" -> moduleList = modules.read();
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
                imagePath, commandLine, createTime, finishTime, new ProcessColumns(owner, integrity, company,
                description, version, luid, Event.UNKNOWN, virtualized, is64Bit), moduleList);
    }

    private String text() {
        cursor.readText();
        return cursor.string();
    }

    /** @return a name shared with the entries that have the same one, cut when it is too long */
    private String name(String what) {
        cursor.readText();
        if (cursor.length() > TextBudget.MAX_CHARS) {
            return texts.cut(cursor.string(), what + " at " + cursor.format(cursor.location()));
        }
        return names.get(cursor.text(), cursor.length());
    }

    /** @return the non-negative number up to max, or -1 when the text is not one */
    static long number(String text, long max) {
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
