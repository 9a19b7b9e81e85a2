package org.pmtriage.read.xml;

import java.util.ArrayList;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;

import org.pmtriage.event.Module;
import org.pmtriage.read.internal.RealCaptures;
import org.pmtriage.read.internal.TextBudget;

/**
 * Reads the {@code <modulelist>} of each {@code <process>} ({@code <module>}: Timestamp,
 * BaseAddress, Size, Path, Version, Company, Description) into {@link Module}s, within a budget:
 * at most {@link RealCaptures#MAX_MODULES} modules of one process, and modules taking at most
 * {@link #MAX_LIST_BYTES} in all (estimated from their texts). Modules past either limit are left out
 * and counted; {@link #leftOut()} says how many. A module without a hexadecimal BaseAddress is
 * kept at base 0 and size 0: no address lies in it, but its path and version still tell what the
 * process ran.
 */
final class ModuleListParser {

    /** The most the kept modules of a process list may take, estimated: about 150,000 modules. */
    static final long MAX_LIST_BYTES = 32L << 20;
    /** What a module takes besides its texts. */
    private static final int MODULE_BYTES = 96;

    private final XmlCursor cursor;
    private final NameCache names;
    private final TextBudget texts;
    private long bytes;
    private long leftOut;
    private String firstLeftOut;

    /**
     * @param names shares the paths, versions and companies that repeat from process to process
     * @param texts cuts overlong texts
     */
    ModuleListParser(XmlCursor cursor, NameCache names, TextBudget texts) {
        this.cursor = cursor;
        this.names = names;
        this.texts = texts;
    }

    /**
     * Reads the modulelist whose start tag the cursor is on, through its end tag.
     *
     * @return the modules kept, in file order
     */
    List<Module> read() {
        List<Module> modules = new ArrayList<>();
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!cursor.name().equals("module")) {
                cursor.skipElement();
            } else if (modules.size() >= RealCaptures.MAX_MODULES || bytes > MAX_LIST_BYTES) {
                leaveOut();
                cursor.skipElement();
            } else {
                Module m = module();
                bytes += MODULE_BYTES + 2L * (m.path().length() + m.version().length()
                        + m.company().length() + m.description().length());
                if (bytes > MAX_LIST_BYTES) {
                    leaveOut();
                } else {
                    modules.add(m);
                }
            }
        }
        return modules;
    }

    /** @return how many modules were left out so far */
    long leftOut() {
        return leftOut;
    }

    /** @return {@code line:column} of the first module left out (its start or end tag), or null */
    String firstLeftOut() {
        return firstLeftOut;
    }

    /** Counts a module left out; the first one's position (its start or end tag) is kept for the warning. */
    private void leaveOut() {
        if (leftOut++ == 0) {
            firstLeftOut = cursor.position();
        }
    }

    /** @return the module the cursor's start tag opens */
    private Module module() {
        long base = -1;
        long size = 0;
        String path = "";
        String version = "";
        String company = "";
        String description = "";
        int event;
        while ((event = cursor.next()) != XMLStreamConstants.END_ELEMENT) {
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (cursor.name()) {
                case "BaseAddress" -> {
                    cursor.readText();
                    base = StackElementParser.hex(cursor.text(), cursor.length());
                }
                case "Size" -> {
                    cursor.readText();
                    size = Math.max(0, ProcessListParser.number(cursor.string(), Long.MAX_VALUE));
                }
                case "Path" -> path = text("the Path of a module");
                case "Version" -> version = text("the Version of a module");
                case "Company" -> company = text("the Company of a module");
                case "Description" -> description = text("the Description of a module");
                default -> cursor.skipElement();
            }
        }
        return base == -1 ? new Module(0, 0, path, version, company, description)
                : new Module(base, size, path, version, company, description);
    }

    private String text(String what) {
        cursor.readText();
        if (cursor.length() > TextBudget.MAX_CHARS) {
            return texts.cut(cursor.string(), what + " at " + cursor.position());
        }
        return names.get(cursor.text(), cursor.length());
    }
}
